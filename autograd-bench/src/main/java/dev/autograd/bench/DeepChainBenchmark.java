package dev.autograd.bench;

import dev.autograd.core.CompiledGraph;
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
 * A chain {@code y = x * w * w * ... * w} of {@code depth} multiplications: a graph as deep as it
 * is large, where a recursive traversal overflows the stack (the naive port does at {@code 10^6};
 * see {@link NaiveDeepChainBenchmark}). Measures the eager engine (build the chain, {@code
 * backward()}) against the compiled replay, forward and backward separately and together.
 *
 * <p>{@code w = 1}, so every node holds {@code x} and {@code dy/dw = depth}. The {@code *Forward}
 * and {@code *Backward} methods reuse the chain built in {@link #setUp()} ({@code backward()} is
 * idempotent); {@code eagerForwardBackward} builds a fresh chain each call, as training does.
 *
 * <p>Not final: JMH generates subclasses of benchmark state classes.
 *
 * <h2>How to run</h2>
 *
 * <pre>
 * java -jar autograd-bench/target/benchmarks.jar '\.DeepChainBenchmark' -prof gc
 * java -jar autograd-bench/target/benchmarks.jar '\.DeepChainBenchmark' -p depth=1000,1000000
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@State(Scope.Thread)
public class DeepChainBenchmark {
  @Param({"1000000"})
  int depth;

  Value x;
  Value w;
  Value chain;
  CompiledGraph compiled;

  /** Builds the chain once for the forward-only and backward-only measurements. */
  @Setup
  public void setUp() {
    x = Value.of(0.5, "x");
    w = Value.of(1.0, "w");
    chain = chain();
    compiled = CompiledGraph.compile(chain);
  }

  /** Returns a new chain of {@code depth} multiplications by {@code w}. */
  Value chain() {
    Value y = x;
    for (int i = 0; i < depth; i++) {
      y = y.mul(w);
    }
    return y;
  }

  /** Returns a freshly built chain (the eager forward pass). */
  @Benchmark
  public Value eagerForward() {
    return chain();
  }

  /** Returns {@code dy/dw} after {@code backward()} on the chain built once in setup. */
  @Benchmark
  public double eagerBackward() {
    chain.backward();
    return w.grad();
  }

  /** Returns {@code dy/dw} after building a fresh chain and calling {@code backward()} on it. */
  @Benchmark
  public double eagerForwardBackward() {
    chain().backward();
    return w.grad();
  }

  /** Returns the output of one compiled forward replay. */
  @Benchmark
  public double compiledForward() {
    return compiled.forward();
  }

  /** Returns {@code dy/dw} after one compiled backward replay. */
  @Benchmark
  public double compiledBackward() {
    compiled.backward();
    return w.grad();
  }

  /** Returns {@code dy/dw} after one compiled forward and backward replay. */
  @Benchmark
  public double compiledForwardBackward() {
    compiled.forwardBackward();
    return w.grad();
  }
}
