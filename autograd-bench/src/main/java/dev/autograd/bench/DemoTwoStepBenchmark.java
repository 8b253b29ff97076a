package dev.autograd.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step of the seed's demo 2 (50 points, forward, backward, update), four ways in the
 * same run: the seed-faithful naive port (the baseline), the engine rebuilding its graph every
 * step (eager), the engine replaying a {@link dev.autograd.core.CompiledGraph} (compiled), and
 * the gradient written by hand (the floor).
 *
 * <p>Each method returns the step's loss so that the work cannot be optimised away. The state
 * trains on across invocations, as the demo does; the cost of a step does not depend on {@code w}
 * and {@code b}. The README lists the nodes each design creates per step.
 *
 * <p>Not final: JMH generates subclasses of benchmark state classes.
 *
 * <h2>How to run</h2>
 *
 * <pre>
 * ./mvnw -B -pl autograd-bench -am package -DskipTests
 * java -jar autograd-bench/target/benchmarks.jar DemoTwoStep -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class DemoTwoStepBenchmark {
  static final double W0 = 0.25;
  static final double B0 = -0.5;

  NaiveRegression naive;
  EagerRegression eager;
  CompiledRegression compiled;
  HandWrittenRegression handWritten;

  /** Builds the four models from the same start, {@code w = 0.25, b = -0.5}. */
  @Setup
  public void setUp() {
    naive = new NaiveRegression(W0, B0);
    eager = new EagerRegression(W0, B0);
    compiled = new CompiledRegression(W0, B0);
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
