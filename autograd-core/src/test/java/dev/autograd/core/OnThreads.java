package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/** Runs seeded computations on several threads at once, for the engine's thread-safety tests. */
final class OnThreads {
  private OnThreads() {}

  /**
   * Runs {@code run} for seeds {@code 0 .. expected.length - 1} on {@code threads} threads started
   * together, thread {@code t} taking the {@code t}-th equal share of the seeds in order, and
   * asserts that seed {@code s} gives exactly {@code expected[s]} (its result on one thread).
   */
  static void assertSameAsOneThread(int threads, long[][] expected, LongFunction<long[]> run)
      throws Exception {
    int perThread = expected.length / threads;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<long[][]>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        final int first = t * perThread;
        results.add(pool.submit(() -> {
          start.await();
          long[][] bits = new long[perThread][];
          for (int k = 0; k < perThread; k++) {
            bits[k] = run.apply(first + k);
          }
          return bits;
        }));
      }
      start.countDown();
      for (int t = 0; t < threads; t++) {
        long[][] bits = results.get(t).get(2, TimeUnit.MINUTES);
        for (int k = 0; k < perThread; k++) {
          int seed = t * perThread + k;
          assertArrayEquals(expected[seed], bits[k], "graph of seed " + seed);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
