package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Independent graphs of dot nodes over shared factor vectors (each graph its own vectors and
 * leaves), with leaves changed between steps, built and differentiated on 8 threads at once:
 * every grad, and whether each pass threw as stale, bit for bit as on one thread. The backward
 * passes' numbers and the leaf versions are global counters that the threads advance in turn.
 */
class SharedVectorThreadsTest {
  private static final int THREADS = 8;
  private static final int GRAPHS_PER_THREAD = 150;

  @Test
  void eightThreadsGiveExactlyTheSingleThreadResults() throws Exception {
    long[][] expected = new long[THREADS * GRAPHS_PER_THREAD][];
    int stale = 0;
    for (int seed = 0; seed < expected.length; seed++) {
      expected[seed] = run(seed);
      stale += (int) expected[seed][0];
    }
    assertTrue(stale > expected.length / 10 && stale < expected.length * 9 / 10,
        "both stale and fresh graphs, got " + stale + " stale of " + expected.length);
    OnThreads.assertSameAsOneThread(THREADS, expected, SharedVectorThreadsTest::run);
  }

  /**
   * Builds the graph of {@code seed} (leaves changed between some steps), runs three passes from
   * its output and one from an inner node, and returns whether the first pass threw, then the
   * grads' bits after each pass.
   */
  private static long[] run(long seed) {
    Random random = new Random(seed);
    List<Integer> program = new ArrayList<>();
    int steps = 10 + random.nextInt(50);
    for (int i = 0; i < steps; i++) {
      int code = random.nextInt(Integer.MAX_VALUE);
      // Changes only now and then, so that about half the graphs stay fresh.
      program.add((code & 15) >= 14 && random.nextInt(4) != 0 ? code & ~15 : code);
    }
    List<Double> point = new ArrayList<>();
    for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
      point.add(random.nextDouble() * 3 - 1.5);
    }
    VectorProgram g = VectorProgram.build(program, point, v -> v, true);
    long[] out = new long[1];
    for (int pass = 0; pass < 3; pass++) {
      try {
        g.output.backward();
      } catch (IllegalStateException e) {
        out[0] = 1;
      }
      out = concat(out, g.gradBits());
    }
    Value inner = g.nodes.get(random.nextInt(g.nodes.size()));
    if (!g.staleFrom(inner)) {
      inner.backward();
    }
    return concat(out, g.gradBits());
  }

  private static long[] concat(long[] a, long[] b) {
    long[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
