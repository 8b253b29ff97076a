package dev.autograd.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * One training step of the reference program's demo 2 (50 points, forward, backward, update),
 * four ways in the same run: the seed-faithful naive port (the baseline), the library rebuilding
 * its graph every step (eager: {@code ReferenceRegression}'s {@code BiasTrickLinear}, {@code
 * MseLoss} and {@code Sgd}), the same replaying a {@link dev.autograd.core.CompiledGraph}
 * (compiled), and the gradient written by hand (the floor).
 *
 * <p>Each method returns the step's loss so that the work cannot be optimised away. The state
 * trains on across invocations, as the demo does; the cost of a step does not depend on {@code w}
 * and {@code b}. The README lists the nodes each design creates per step.
 *
 * <h2>How to run</h2>
 *
 * <pre>
 * ./mvnw -B -pl autograd-bench -am package -DskipTests
 * java -jar autograd-bench/target/benchmarks.jar DemoTwoStep -prof gc
 * </pre>
 */
public class DemoTwoStepBenchmark extends BenchmarkDefaults {
  static final double W0 = 0.25;
  static final double B0 = -0.5;

  NaiveRegression naive;
  LibraryRegression eager;
  LibraryRegression compiled;
  HandWrittenRegression handWritten;

  /** Builds the four models from the same start, {@code w = 0.25, b = -0.5}. */
  @Setup
  public void setUp() {
    naive = new NaiveRegression(W0, B0);
    eager = LibraryRegression.eager(W0, B0);
    compiled = LibraryRegression.compiled(W0, B0);
    handWritten = new HandWrittenRegression(W0, B0);
  }

  /** Returns the loss of one step of the seed-faithful naive port. */
  @Benchmark
  public double naive() {
    return naive.step();
  }

  /** Returns the loss of one step that builds the graph and calls {@code backward()}. */
  @Benchmark
  public double eager() {
    return eager.step();
  }

  /** Returns the loss of one step replayed from the compiled graph. */
  @Benchmark
  public double compiled() {
    return compiled.step();
  }

  /** Returns the loss of one step with the hand-written gradient. */
  @Benchmark
  public double handWritten() {
    return handWritten.step();
  }
}
