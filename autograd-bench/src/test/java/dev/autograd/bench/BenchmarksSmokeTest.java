package dev.autograd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark once, in-process and briefly, so that a benchmark that no longer compiles,
 * throws, or is not registered fails the build. Measures nothing worth reading.
 */
class BenchmarksSmokeTest {
  private static final int BENCHMARK_COUNT = 45;

  @Test
  void everyBenchmarkRunsAndProducesAScore() throws RunnerException {
    System.setProperty("jmh.ignoreLock", "true");
    Options options =
        new OptionsBuilder()
            .include("dev\\.autograd\\.bench\\..*Benchmark\\..*")
            .forks(0)
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(5))
            .param("depth", "1000")
            .param("size", "1000")
            .shouldFailOnError(true)
            .verbosity(VerboseMode.SILENT)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    Set<String> names = new TreeSet<>();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      double score = result.getPrimaryResult().getScore();
      assertTrue(score > 0 && Double.isFinite(score), name + " scored " + score);
      names.add(name);
    }
    assertEquals(BENCHMARK_COUNT, names.size(), "benchmarks that produced a result: " + names);
  }
}
