package dev.autograd.bench;

import dev.autograd.core.BatchedReplay;
import dev.autograd.core.CompiledGraph;
import dev.autograd.core.Value;
import dev.autograd.examples.MoonsProblem;
import dev.autograd.optim.HingeLoss;
import dev.autograd.optim.Regularization;
import dev.autograd.optim.Sgd;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * {@link MlpStepBenchmark}'s full-batch moons step (the same {@link MoonsProblem}, seed 1: {@code
 * nn.Mlp} 2 → 16 → 16 → 1 with ReLU, 100 points, mean hinge loss, plus micrograd's L2 term {@code
 * alpha * sum(p * p)} when {@code alpha = 1e-4}, {@link Sgd} at learning rate 0.01) computed per
 * example, the way JAX's {@code vmap} maps a one-point loss over the points: one point's loss
 * {@code hinge(s, y) / 100} is recorded once with {@code (x1, x2, y)} as input slots and replayed
 * over the 100 points at once by a {@link BatchedReplay}; the L2 term is its own {@link
 * CompiledGraph} (no inputs), replayed and added into the grads. The step's loss equals the
 * whole-graph step's to rounding (the mean is summed per point, {@code sum(h_i / 100)}, rather
 * than {@code sum(h_i) / 100}); {@code MoonsBatchedStepTest} checks it to 1e-12.
 *
 * <p>The step trains on across invocations; its cost does not depend on the weights.
 *
 * <h2>How to run</h2>
 *
 * <pre>
 * flock /tmp/jmh.lock java -jar autograd-bench/target/benchmarks.jar 'MoonsBatchedStep|MlpStepBenchmark.compiledStep' -f 1 -wi 3 -i 5
 * </pre>
 */
public class MoonsBatchedStepBenchmark extends BenchmarkDefaults {
  /** micrograd's L2 coefficient: {@code 0} (hinge loss alone) or {@code 1e-4}. */
  @Param({"0", "1e-4"})
  double alpha;

  /** Points replayed side by side in one pass ({@link BatchedReplay#lanes()}). */
  @Param({"32", "100"})
  int lanes;

  MoonsProblem problem;
  Sgd optimizer;
  BatchedReplay hinge;
  /** The L2 term's compiled graph, or null when {@code alpha} is 0. */
  CompiledGraph l2;
  /** One row {@code (x1, x2, y)} per point. */
  double[][] rows;

  /** Builds the problem from seed 1, records one point's loss and the L2 term. */
  @Setup
  public void setUp() {
    problem = new MoonsProblem(MlpStepBenchmark.SEED);
    optimizer = new Sgd(problem.model().parameters(), MlpStepBenchmark.LEARNING_RATE);
    rows = new double[MoonsProblem.POINTS][];
    for (int i = 0; i < rows.length; i++) {
      List<Value> x = problem.inputs().get(i);
      rows[i] = new double[] {x.get(0).data(), x.get(1).data(), problem.labels().get(i).data()};
    }
    Value x1 = Value.of(rows[0][0]);
    Value x2 = Value.of(rows[0][1]);
    Value y = Value.of(rows[0][2]);
    Value score = problem.model().forward(List.of(x1, x2)).get(0);
    Value pointLoss = HingeLoss.of(List.of(score), List.of(y)).mul(1.0 / MoonsProblem.POINTS);
    hinge = BatchedReplay.of(CompiledGraph.compile(pointLoss, List.of(x1, x2, y)), lanes);
    l2 = alpha == 0
        ? null
        : CompiledGraph.compile(Regularization.l2(problem.model().parameters(), alpha));
  }

  /**
   * Returns the loss of one step: {@code zeroGrad()}, the points' losses and grads by the batched
   * replay, the L2 term's replay added into the grads, then the SGD step.
   */
  @Benchmark
  public double batchedStep() {
    optimizer.zeroGrad();
    double loss = hinge.accumulate(rows);
    if (l2 != null) {
      loss += l2.forward();
      l2.backwardAccumulate();
    }
    optimizer.step();
    return loss;
  }
}
