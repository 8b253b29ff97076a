package dev.autograd.bench;

import dev.autograd.core.CompiledGraph;
import dev.autograd.core.Value;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code Value.sum} of {@code size} products {@code a_i * b_i}: a graph with {@code 2 size}
 * leaves, {@code size} multiplications and a {@code size}-long chain of additions (the seed's
 * {@code dot} at scale). Eager and compiled, forward and backward separately and together.
 *
 * <p>The {@code *Forward} and {@code *Backward} methods reuse the graph built in {@link
 * #setUp()}; {@code eagerForwardBackward} builds a fresh one each call.
 *
 * <p>Not final: JMH generates subclasses of benchmark state classes.
 *
 * <h2>How to run</h2>
 *
 * <pre>
 * java -jar autograd-bench/target/benchmarks.jar WideSum -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@State(Scope.Thread)
public class WideSumBenchmark {
  @Param({"1000000"})
  int size;

  Value[] a;
  Value[] b;
  Value sum;
  CompiledGraph compiled;

  /** Creates the leaves {@code a_i = i / size}, {@code b_i = 1 - a_i} and one graph over them. */
  @Setup
  public void setUp() {
    a = new Value[size];
    b = new Value[size];
    for (int i = 0; i < size; i++) {
      a[i] = Value.of((double) i / size);
      b[i] = Value.of(1.0 - (double) i / size);
    }
    sum = sumOfProducts();
    compiled = CompiledGraph.compile(sum);
  }

  /** Returns a new graph of {@code a_0*b_0 + ... + a_(n-1)*b_(n-1)}. */
  Value sumOfProducts() {
    List<Value> products = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      products.add(a[i].mul(b[i]));
    }
    return Value.sum(products);
  }

  /** Returns a freshly built sum of products (the eager forward pass). */
  @Benchmark
  public Value eagerForward() {
    return sumOfProducts();
  }

  /** Returns {@code d sum / d a_0} after {@code backward()} on the graph built in setup. */
  @Benchmark
  public double eagerBackward() {
    sum.backward();
    return a[0].grad();
  }

  /** Returns {@code d sum / d a_0} after building a fresh graph and calling {@code backward()}. */
  @Benchmark
  public double eagerForwardBackward() {
    sumOfProducts().backward();
    return a[0].grad();
  }

  /** Returns the output of one compiled forward replay. */
  @Benchmark
  public double compiledForward() {
    return compiled.forward();
  }

  /** Returns {@code d sum / d a_0} after one compiled backward replay. */
  @Benchmark
  public double compiledBackward() {
    compiled.backward();
    return a[0].grad();
  }

  /** Returns {@code d sum / d a_0} after one compiled forward and backward replay. */
  @Benchmark
  public double compiledForwardBackward() {
    compiled.forwardBackward();
    return a[0].grad();
  }
}
