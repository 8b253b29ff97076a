package dev.autograd.bench;

import dev.autograd.core.Value;
import dev.autograd.jit.MinibatchReplay;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The moons MLP training step of {@link MlpStepBenchmark} (same model, data and SGD), computed
 * per example: one example's loss graph (711 nodes) recorded once and replayed as generated
 * bytecode for each of the 100 points by a {@link MinibatchReplay} on {@code threads} threads,
 * the gradients summed in example order (bit-identical whatever the thread count).
 *
 * <p>Not final: JMH generates subclasses of benchmark state classes.
 *
 * <h2>How to run</h2>
 *
 * <pre>
 * java -jar autograd-bench/target/benchmarks.jar MinibatchStep -p threads=1,2
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class MinibatchStepBenchmark {
  /** Replay threads. */
  @Param({"1", "2"})
  int threads;

  MoonsMlp model;
  MinibatchReplay replay;
  double[][] examples;

  /** Builds the model (seed 1), records one example's loss, and sets the thread count. */
  @Setup
  public void setUp() {
    model = new MoonsMlp(MlpStepBenchmark.SEED);
    Value[] x = {Value.of(0.0), Value.of(0.0)};
    Value negLabel = Value.of(0.0);
    replay =
        MinibatchReplay.record(
                model.exampleLoss(x, negLabel), List.of(x[0], x[1], negLabel), model.parameters())
            .threads(threads);
    examples = model.examples();
  }

  /** Stops the replay's worker threads. */
  @TearDown
  public void tearDown() {
    replay.close();
  }

  /** Returns the loss of one step: zero the grads, replay every example, SGD update. */
  @Benchmark
  public double step() {
    for (Value p : model.parameters()) {
      p.zeroGrad();
    }
    double loss = replay.accumulate(examples);
    model.update(MlpStepBenchmark.LEARNING_RATE);
    return loss;
  }
}
