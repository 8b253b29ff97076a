package tape;

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
 * {@link TapeProto}'s eager pass (build on a new tape, backward) under JMH, with the settings of
 * {@code dev.autograd.bench.ScalingBenchmark}, so that the two tables compare. A design
 * prototype's harness, not one of the project's benchmarks: run by {@code run-tape-jmh.sh}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx8g")
@State(Scope.Thread)
public class TapeProtoBenchmark {
  @Param({"chain", "mlp"})
  String shape;

  @Param({"1000", "10000", "100000", "1000000", "10000000"})
  int size;

  TapeProto.Problem problem;

  @Setup
  public void setUp() {
    problem = new TapeProto.Problem(shape, size);
  }

  @Benchmark
  public double eager() {
    return problem.pass();
  }
}
