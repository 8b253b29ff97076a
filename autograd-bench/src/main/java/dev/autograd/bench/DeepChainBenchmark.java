package dev.autograd.bench;

import dev.autograd.core.Value;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;

/**
 * A chain {@code y = x * w * w * ... * w} of {@code depth} multiplications: a graph as deep as it
 * is large, where a recursive traversal overflows the stack (the naive port does at {@code 10^6};
 * see {@link NaiveDeepChainBenchmark}). Measured the six ways of {@link GraphBenchmark}; {@code w
 * = 1}, so every node holds {@code x} and the probe {@code dy/dw = depth}.
 *
 * <h2>How to run</h2>
 *
 * <pre>
 * java -jar autograd-bench/target/benchmarks.jar '\.DeepChainBenchmark' -prof gc
 * java -jar autograd-bench/target/benchmarks.jar '\.DeepChainBenchmark' -p depth=1000,1000000
 * </pre>
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class DeepChainBenchmark extends GraphBenchmark {
  @Param({"1000000"})
  int depth;

  Value x;
  Value w;

  @Override
  void createLeaves() {
    x = Value.of(0.5, "x");
    w = Value.of(1.0, "w");
  }

  /** Returns a new chain of {@code depth} multiplications by {@code w}. */
  @Override
  Value build() {
    Value y = x;
    for (int i = 0; i < depth; i++) {
      y = y.mul(w);
    }
    return y;
  }

  @Override
  Value probe() {
    return w;
  }
}
