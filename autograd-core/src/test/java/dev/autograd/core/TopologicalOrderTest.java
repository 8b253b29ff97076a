package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Backprop#topologicalOrder} (the order {@link DotGraph} and the displays list nodes in) on
 * graphs mixing dot nodes with binary and unary ops, shared inputs and leaves used many times:
 * every reachable node exactly once, each after all of its inputs.
 */
class TopologicalOrderTest {

  @Test
  void everyReachableNodeOnceAndAfterItsInputs() {
    Random random = new Random(7);
    for (int graph = 0; graph < 300; graph++) {
      List<Value> nodes = new ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(4); i++) {
        nodes.add(Value.of(random.nextGaussian(), "x" + i));
      }
      int steps = 1 + random.nextInt(12);
      for (int s = 0; s < steps; s++) {
        Value a = pick(nodes, random);
        Value b = pick(nodes, random);
        switch (random.nextInt(4)) {
          case 0:
            nodes.add(a.mul(b));
            break;
          case 1:
            nodes.add(a.tanh());
            break;
          default:
            int n = 1 + random.nextInt(4);
            List<Value> left = new ArrayList<>();
            List<Value> right = new ArrayList<>();
            for (int k = 0; k < n; k++) {
              left.add(pick(nodes, random));
              right.add(pick(nodes, random));
            }
            nodes.add(Value.dot(a, left, right));
        }
      }
      Value root = nodes.get(nodes.size() - 1);
      Value[] order = Backprop.topologicalOrder(root);
      for (Value v : order) {
        v.visited = false;
      }
      Map<Value, Integer> position = new IdentityHashMap<>();
      for (int i = 0; i < order.length; i++) {
        assertEquals(null, position.put(order[i], i), "listed twice in graph " + graph);
      }
      Map<Value, Boolean> reachable = new IdentityHashMap<>();
      collect(root, reachable);
      assertEquals(reachable.size(), order.length, "graph " + graph);
      for (Value v : order) {
        assertTrue(reachable.containsKey(v), "graph " + graph);
        for (Value input : v.children()) {
          assertTrue(position.get(input) < position.get(v),
              "an input after its node in graph " + graph);
        }
      }
      assertEquals(order.length - 1, position.get(root), "graph " + graph);
    }
  }

  private static Value pick(List<Value> nodes, Random random) {
    // Favour recent nodes, so that graphs are deep as well as wide.
    int n = nodes.size();
    return nodes.get(random.nextBoolean() ? n - 1 - random.nextInt(Math.min(n, 3)) : random.nextInt(n));
  }

  private static void collect(Value v, Map<Value, Boolean> seen) {
    if (seen.put(v, Boolean.TRUE) == null) {
      for (Value input : v.children()) {
        collect(input, seen);
      }
    }
  }
}
