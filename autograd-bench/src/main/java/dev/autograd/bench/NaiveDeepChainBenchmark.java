package dev.autograd.bench;

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
 * The chain of {@link DeepChainBenchmark} at a depth the naive port survives: its recursive
 * topological sort throws {@code StackOverflowError} long before {@code 10^6} under default JVM
 * flags ({@code NaiveValueTest} shows it), so it is compared with the eager engine at {@code
 * depth = 1000} here.
 *
 * <p>Not final: JMH generates subclasses of benchmark state classes.
 *
 * <h2>How to run</h2>
 *
 * <pre>
 * java -jar autograd-bench/target/benchmarks.jar NaiveDeepChain
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class NaiveDeepChainBenchmark {
  @Param({"1000"})
  int depth;

  NaiveValue naiveX;
  NaiveValue naiveW;
  Value x;
  Value w;

  /** Creates the leaves of both chains. */
  @Setup
  public void setUp() {
    naiveX = new NaiveValue(0.5);
    naiveW = new NaiveValue(1.0);
    x = Value.of(0.5);
    w = Value.of(1.0);
  }

  /** Returns {@code dy/dw} after building the chain on the naive port and running its backward. */
  @Benchmark
  public double naiveForwardBackward() {
    NaiveValue y = naiveX;
    for (int i = 0; i < depth; i++) {
      y = y.mul(naiveW);
    }
    y.backward();
    return naiveW.grad;
  }

  /** Returns {@code dy/dw} after the same on the engine. */
  @Benchmark
  public double eagerForwardBackward() {
    Value y = x;
    for (int i = 0; i < depth; i++) {
      y = y.mul(w);
    }
    y.backward();
    return w.grad();
  }
}
