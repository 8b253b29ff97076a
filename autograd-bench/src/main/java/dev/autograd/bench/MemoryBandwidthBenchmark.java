package dev.autograd.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * This machine's memory bandwidth as one thread sees it, the ceiling drawn into {@link
 * ScalingPlot}'s picture: streaming through {@code double[]}s of {@code size} elements (256 MiB
 * each by default, far beyond the caches). {@link #sum} reads {@code 8 size} bytes per operation,
 * {@link #copy} reads {@code 8 size} and writes {@code 8 size}.
 *
 * <p>Not final: JMH generates subclasses of benchmark state classes.
 *
 * <h2>How to run</h2>
 *
 * <pre>
 * java -jar autograd-bench/target/benchmarks.jar '\.MemoryBandwidthBenchmark' -rf json -rff bandwidth.json
 * </pre>
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class MemoryBandwidthBenchmark extends BenchmarkDefaults {
  /** Elements per array: 2^25 doubles, 256 MiB. */
  @Param({"33554432"})
  int size;

  double[] source;
  double[] target;

  /** Fills the source with {@code 0, 1, 2, ...}. */
  @Setup
  public void setUp() {
    source = new double[size];
    target = new double[size];
    for (int i = 0; i < size; i++) {
      source[i] = i;
    }
  }

  /**
   * Returns the sum of the source, in four independent partial sums so that the adds' latency
   * does not bound the loop below the memory's speed.
   */
  @Benchmark
  public double sum() {
    final double[] a = source;
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < a.length; i += 4) {
      s0 += a[i];
      s1 += a[i + 1];
      s2 += a[i + 2];
      s3 += a[i + 3];
    }
    for (; i < a.length; i++) {
      s0 += a[i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** Copies the source into the target and returns the target. */
  @Benchmark
  public double[] copy() {
    System.arraycopy(source, 0, target, 0, source.length);
    return target;
  }
}
