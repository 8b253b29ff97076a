package dev.autograd.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated replays of graphs that mix {@code Value.dotRelu} and {@code Value.dot} nodes in one
 * level (a shared factor vector, a start that is also a factor of its node, nodes read twice,
 * sums at the kink) equal {@code Value.backward()} bit for bit.
 */
class GeneratedReluDotTest {
  private static final double[] SMALL = {-2.0, -1.0, -0.5, 0.0, -0.0, 0.5, 1.0, 2.0};

  @Test
  void mixedFusedAndPlainDotLevelsReplayAsBackwardBitForBit() {
    Random random = new Random(17);
    for (int trial = 0; trial < 60; trial++) {
      List<Value> leaves = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        leaves.add(Value.of(random.nextBoolean() ? SMALL[random.nextInt(8)] : random.nextGaussian()));
      }
      List<Value> pool = new ArrayList<>(leaves);
      List<Value> shared = Value.vector(List.of(pool.get(0), pool.get(1)));
      for (int i = 0; i < 8; i++) {
        Value start = pool.get(random.nextInt(pool.size()));
        List<Value> a = random.nextBoolean() ? shared : List.of(start, pool.get(2));
        List<Value> b = List.of(start, pool.get(random.nextInt(pool.size())));
        pool.add(random.nextBoolean() ? Value.dotRelu(start, a, b) : Value.dot(start, a, b));
      }
      List<Value> nodes = pool.subList(leaves.size(), pool.size());
      Value root = Value.dotRelu(Value.of(0.5), nodes, new ArrayList<>(nodes));
      root.backward();
      double[] eager = new double[leaves.size()];
      for (int i = 0; i < eager.length; i++) {
        eager[i] = leaves.get(i).grad();
      }
      GeneratedGraph generated = GeneratedGraph.compile(root);
      assertTrue(generated.isGenerated());
      assertEquals(Double.doubleToLongBits(root.data()),
          Double.doubleToLongBits(generated.forwardBackward()), "trial " + trial);
      for (int i = 0; i < eager.length; i++) {
        if (!generated.leaves().contains(leaves.get(i))) {
          continue; // a leaf no node read
        }
        assertEquals(Double.doubleToLongBits(eager[i]),
            Double.doubleToLongBits(generated.gradOf(leaves.get(i))), "trial " + trial + " l" + i);
      }
    }
  }
}
