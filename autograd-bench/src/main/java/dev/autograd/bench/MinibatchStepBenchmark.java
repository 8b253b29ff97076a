package dev.autograd.bench;

import dev.autograd.core.Value;
import dev.autograd.examples.MoonsProblem;
import dev.autograd.jit.MinibatchReplay;
import dev.autograd.optim.HingeLoss;
import dev.autograd.optim.Sgd;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The moons MLP training step of {@link MlpStepBenchmark} (same problem, model and {@link Sgd}),
 * computed per example: one example's loss graph recorded once and replayed as generated
 * bytecode for each of the 100 points by a {@link MinibatchReplay} on {@code threads} threads,
 * the gradients summed in example order (bit-identical whatever the thread count).
 *
 * <p>Ten warm-up iterations: HotSpot compiles each generated method (up to 7,000 bytes of
 * straight-line bytecode) with C2 only after thousands of calls, and each such compilation takes
 * a few hundred milliseconds here; measured before that, the replay runs at C1 speed.
 *
 * <h2>How to run</h2>
 *
 * <pre>
 * java -jar autograd-bench/target/benchmarks.jar MinibatchStep -p threads=1,2
 * </pre>
 */
@Warmup(iterations = 10, time = 1)
public class MinibatchStepBenchmark extends BenchmarkDefaults {
  /** Replay threads. */
  @Param({"1", "2"})
  int threads;

  MoonsProblem problem;
  Sgd optimizer;
  MinibatchReplay replay;
  double[][] examples;

  /** Builds the problem (seed 1), records one example's loss, and sets the thread count. */
  @Setup
  public void setUp() {
    problem = new MoonsProblem(MlpStepBenchmark.SEED);
    optimizer = new Sgd(problem.model().parameters(), MlpStepBenchmark.LEARNING_RATE);
    replay = record(problem).threads(threads);
    examples = examples(problem);
  }

  /**
   * Returns a replay of one example's share of {@code problem}'s mean hinge loss, {@code
   * HingeLoss.of([score(x)], [label]) / 100}, recorded with the inputs {@code x1, x2, label}.
   * Summed over the rows of {@link #examples} it is the full-batch loss up to rounding.
   */
  static MinibatchReplay record(MoonsProblem problem) {
    List<Value> x = List.of(Value.of(0.0), Value.of(0.0));
    Value label = Value.of(1.0);
    Value score = problem.model().forward(x).get(0);
    Value loss = HingeLoss.of(List.of(score), List.of(label)).mul(1.0 / MoonsProblem.POINTS);
    return MinibatchReplay.record(
        loss, List.of(x.get(0), x.get(1), label), problem.model().parameters());
  }

  /** Returns one row per point of {@code problem}: {@code {x1, x2, label}}. */
  static double[][] examples(MoonsProblem problem) {
    double[][] rows = new double[MoonsProblem.POINTS][];
    for (int i = 0; i < rows.length; i++) {
      List<Value> x = problem.inputs().get(i);
      rows[i] = new double[] {x.get(0).data(), x.get(1).data(), problem.labels().get(i).data()};
    }
    return rows;
  }

  /** Stops the replay's worker threads. */
  @TearDown
  public void tearDown() {
    replay.close();
  }

  /** Returns the loss of one step: zero the grads, replay every example, SGD step. */
  @Benchmark
  public double step() {
    optimizer.zeroGrad();
    double loss = replay.accumulate(examples);
    optimizer.step();
    return loss;
  }
}
