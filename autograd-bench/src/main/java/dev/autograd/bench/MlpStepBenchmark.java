package dev.autograd.bench;

import dev.autograd.core.CompiledGraph;
import dev.autograd.core.Value;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full-batch training step of micrograd's moons classifier ({@link MoonsMlp}: 2 → 16 → 16 → 1,
 * 100 points, hinge loss, 337 parameters; plus micrograd's L2 term when {@code alpha = 1e-4}):
 * forward only, backward only, and the whole step (forward, backward, SGD update), eager and
 * compiled.
 *
 * <p>{@code eagerBackward} and {@code compiledBackward} differentiate the loss built in {@link
 * #setUp()} again and again ({@code backward()} is idempotent). The step methods train on across
 * invocations; the cost of a step does not depend on the weights.
 *
 * <p>Not final: JMH generates subclasses of benchmark state classes.
 *
 * <h2>How to run</h2>
 *
 * <pre>
 * java -jar autograd-bench/target/benchmarks.jar MlpStep -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class MlpStepBenchmark {
  static final double LEARNING_RATE = 0.01;
  /** The seed of the model's weights and data. */
  static final long SEED = 1;

  /** micrograd's L2 coefficient: {@code 0} (hinge loss alone) or {@code 1e-4}. */
  @Param({"0", "1e-4"})
  double alpha;

  MoonsMlp model;
  Value loss;
  CompiledGraph compiled;

  /** Builds the model (seed 1), one loss graph with the L2 term {@code alpha}, and its replay. */
  @Setup
  public void setUp() {
    model = new MoonsMlp(SEED);
    loss = model.loss(alpha);
    compiled = CompiledGraph.compile(loss);
  }

  /** Returns a freshly built loss graph (the eager forward pass). */
  @Benchmark
  public Value eagerForward() {
    return model.loss(alpha);
  }

  /** Returns the first parameter's grad after {@code backward()} on the loss built in setup. */
  @Benchmark
  public double eagerBackward() {
    loss.backward();
    return model.parameters().get(0).grad();
  }

  /** Returns the loss of one eager step: build, {@code backward()}, update. */
  @Benchmark
  public double eagerStep() {
    Value stepLoss = model.loss(alpha);
    stepLoss.backward();
    model.update(LEARNING_RATE);
    return stepLoss.data();
  }

  /** Returns the loss of one compiled forward replay. */
  @Benchmark
  public double compiledForward() {
    return compiled.forward();
  }

  /** Returns the first parameter's grad after one compiled backward replay. */
  @Benchmark
  public double compiledBackward() {
    compiled.backward();
    return model.parameters().get(0).grad();
  }

  /** Returns the loss of one compiled step: replay forward and backward, update. */
  @Benchmark
  public double compiledStep() {
    double stepLoss = compiled.forwardBackward();
    model.update(LEARNING_RATE);
    return stepLoss;
  }
}
