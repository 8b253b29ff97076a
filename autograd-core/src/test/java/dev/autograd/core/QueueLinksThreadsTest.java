package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Independent graphs that keep the pending queue busy ({@link QueueGraph}: dot nodes over shared
 * vectors, fans at one level, deep sums), each with its own leaves and vectors, differentiated on
 * 8 threads at once, big and small graphs in turn (each thread's sweep starts its queue at the
 * size its last one needed): passes from the output and an inner node, a stale pass failing
 * mid-sweep and the replay after it give bit for bit what they give on one thread, equal the
 * oracle's grads, leave no queue link or flag and keep every label.
 */
class QueueLinksThreadsTest {
  private static final int THREADS = 8;
  private static final int GRAPHS_PER_THREAD = 80;

  @Test
  void eightThreadsGiveExactlyTheSingleThreadResults() throws Exception {
    long[][] expected = new long[THREADS * GRAPHS_PER_THREAD][];
    for (int seed = 0; seed < expected.length; seed++) {
      expected[seed] = run(seed);
      assertEquals(1, expected[seed][0], "graph of seed " + seed + " failed a check on one thread");
    }
    OnThreads.assertSameAsOneThread(THREADS, expected, QueueLinksThreadsTest::run);
  }

  /**
   * Returns, for the graph of {@code seed}: 1 if every check against the oracle and the fields
   * held, then the grads' bits after each pass, whether the stale pass threw, and the replay's.
   */
  private static long[] run(long seed) {
    QueueGraph g = QueueGraph.build(seed, seed % 5 == 0 ? 300 : 10 + (int) (seed % 50));
    List<Value> nodes = SweepOracle.reachable(g.output);
    boolean ok = true;
    long[] out = {0};
    g.output.backward();
    long[] first = SweepOracle.gradBits(nodes);
    ok &= Arrays.equals(first, SweepOracle.bits(SweepOracle.grads(g.output)));
    out = concat(out, first);
    Value inner = g.nodes.get(g.nodes.size() / 2);
    inner.backward();
    ok &= Arrays.equals(SweepOracle.gradBits(SweepOracle.reachable(inner)),
        SweepOracle.bits(SweepOracle.grads(inner)));
    g.output.backward();
    ok &= Arrays.equals(first, SweepOracle.gradBits(nodes));
    ok &= clean(g, nodes);
    Value leaf = g.leaves.get((int) (seed % g.leaves.size()));
    leaf.setData(leaf.data() * 0.5);
    long threw = 0;
    try {
      g.output.backward();
    } catch (IllegalStateException e) {
      threw = 1;
    }
    ok &= threw == (nodes.contains(leaf) ? 1 : 0);
    ok &= clean(g, nodes);
    CompiledGraph replay = CompiledGraph.compile(g.output);
    replay.forwardBackward();
    long[] replayed = new long[nodes.size()];
    for (int i = 0; i < replayed.length; i++) {
      replayed[i] = Double.doubleToLongBits(replay.gradOf(nodes.get(i)));
    }
    ok &= clean(g, nodes);
    out[0] = ok ? 1 : 0;
    return concat(concat(out, new long[] {threw}), replayed);
  }

  private static boolean clean(QueueGraph g, List<Value> nodes) {
    for (Value v : nodes) {
      if (v.visited || (!v.isLeaf() && v.labelOrNext != null)) {
        return false;
      }
    }
    for (int i = 0; i < g.leaves.size(); i++) {
      if (!g.labels.get(i).equals(g.leaves.get(i).label())) {
        return false;
      }
    }
    return true;
  }

  private static long[] concat(long[] a, long[] b) {
    long[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
