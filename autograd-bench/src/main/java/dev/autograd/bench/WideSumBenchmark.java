package dev.autograd.bench;

import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;

/**
 * {@code Value.sum} of {@code size} products {@code a_i * b_i}: a graph with {@code 2 size}
 * leaves, {@code size} multiplications and a {@code size}-long chain of additions (the reference
 * program's {@code dot} at scale). Measured the six ways of {@link GraphBenchmark}; the probe is
 * {@code d sum / d a_0}.
 *
 * <h2>How to run</h2>
 *
 * <pre>
 * java -jar autograd-bench/target/benchmarks.jar WideSum -prof gc
 * </pre>
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class WideSumBenchmark extends GraphBenchmark {
  @Param({"1000000"})
  int size;

  Value[] a;
  Value[] b;

  /** Creates the leaves {@code a_i = i / size}, {@code b_i = 1 - a_i}. */
  @Override
  void createLeaves() {
    a = new Value[size];
    b = new Value[size];
    for (int i = 0; i < size; i++) {
      a[i] = Value.of((double) i / size);
      b[i] = Value.of(1.0 - (double) i / size);
    }
  }

  /** Returns a new graph of {@code a_0*b_0 + ... + a_(n-1)*b_(n-1)}. */
  @Override
  Value build() {
    List<Value> products = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      products.add(a[i].mul(b[i]));
    }
    return Value.sum(products);
  }

  @Override
  Value probe() {
    return a[0];
  }
}
