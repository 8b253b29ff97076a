package dev.autograd.bench;

import dev.autograd.core.Value;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The chain of {@link DeepChainBenchmark} at a depth the naive port survives: its recursive
 * topological sort throws {@code StackOverflowError} long before {@code 10^6} under default JVM
 * flags ({@code NaiveValueTest} shows it), so it is compared with the eager engine at {@code
 * depth = 1000} here.
 *
 * <h2>How to run</h2>
 *
 * <pre>
 * java -jar autograd-bench/target/benchmarks.jar NaiveDeepChain
 * </pre>
 */
public class NaiveDeepChainBenchmark extends BenchmarkDefaults {
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
