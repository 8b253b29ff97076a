package dev.autograd.bench;

import dev.autograd.core.Value;
import dev.autograd.examples.MoonsProblem;
import dev.autograd.optim.Sgd;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * A full-batch training step of micrograd's moons classifier as the library trains it ({@link
 * MoonsProblem}: {@code nn.Mlp} 2 → 16 → 16 → 1 with ReLU, 100 points, {@code HingeLoss}, 337
 * parameters; plus micrograd's L2 term {@code Regularization.l2} when {@code alpha = 1e-4}):
 * measured the six ways of {@link GraphBenchmark} (the graph is the loss, the probe the first
 * parameter's grad), and the whole step with {@link Sgd}: eager (build, {@code zeroGrad()}, {@code
 * backward()}, {@code step()}) and compiled (replay forward and backward, {@code step()}).
 *
 * <p>The step methods train on across invocations; the cost of a step does not depend on the
 * weights.
 *
 * <h2>How to run</h2>
 *
 * <pre>
 * java -jar autograd-bench/target/benchmarks.jar MlpStep -prof gc
 * </pre>
 */
public class MlpStepBenchmark extends GraphBenchmark {
  static final double LEARNING_RATE = 0.01;

  /** The seed of the problem's data and weights. */
  static final long SEED = 1;

  /** micrograd's L2 coefficient: {@code 0} (hinge loss alone) or {@code 1e-4}. */
  @Param({"0", "1e-4"})
  double alpha;

  MoonsProblem problem;
  Sgd optimizer;

  /** Builds the problem from seed 1 and plain SGD over its model's parameters. */
  @Override
  void createLeaves() {
    problem = new MoonsProblem(SEED);
    optimizer = new Sgd(problem.model().parameters(), LEARNING_RATE);
  }

  /** Returns a freshly built loss graph. */
  @Override
  Value build() {
    return problem.loss(alpha);
  }

  @Override
  Value probe() {
    return optimizer.parameters().get(0);
  }

  /** Returns the loss of one eager step: build, {@code zeroGrad()}, {@code backward()}, step. */
  @Benchmark
  public double eagerStep() {
    Value loss = problem.loss(alpha);
    optimizer.zeroGrad();
    loss.backward();
    optimizer.step();
    return loss.data();
  }

  /** Returns the loss of one compiled step: replay forward and backward, then step. */
  @Benchmark
  public double compiledStep() {
    double loss = compiled.forwardBackward();
    optimizer.step();
    return loss;
  }
}
