package dev.autograd.core;

import java.util.Arrays;

/**
 * Reverse-mode sweep over a {@link Value} graph: an iterative depth-first search that lists the
 * reachable nodes in topological order, then one backward pass over that list.
 *
 * <p>No recursion, no hash set and no sort: a node's {@code visited} flag marks it during the
 * search and is cleared again as the backward pass reaches it.
 */
final class Backprop {
  private Backprop() {}

  /** Differentiates {@code root}; {@code accumulate} keeps the grads the nodes already held. */
  static void run(Value root, boolean accumulate) {
    Value[] order = topologicalOrder(root);
    int n = order.length;
    boolean done = false;
    try {
      double[] kept = accumulate ? new double[n] : null;
      for (int i = 0; i < n; i++) {
        Value v = order[i];
        if (accumulate) {
          kept[i] = v.grad;
        }
        v.grad = 0.0;
      }
      root.grad = 1.0;
      boolean checked = AnomalyDetection.enabled;
      AnomalyException anomaly = null;
      for (int i = n - 1; i >= 0; i--) {
        Value v = order[i];
        v.visited = false;
        v.propagate();
        if (checked && anomaly == null && v.left != null) {
          anomaly = AnomalyDetection.backwardAnomaly(v);
        }
      }
      if (accumulate) {
        for (int i = 0; i < n; i++) {
          order[i].grad += kept[i];
        }
      }
      done = true;
      if (anomaly != null) {
        throw anomaly;
      }
    } finally {
      if (!done) {
        clearVisited(order, n);
      }
    }
  }

  /**
   * Returns every node reachable from {@code root}, inputs before the nodes made from them, each
   * once, with its {@code visited} flag set (the caller clears it).
   */
  static Value[] topologicalOrder(Value root) {
    Value[] order = new Value[16];
    int n = 0;
    Value[] stack = new Value[16];
    boolean[] expanded = new boolean[16];
    int top = 0;
    try {
      stack[top] = root;
      expanded[top++] = false;
      while (top > 0) {
        Value v = stack[--top];
        if (expanded[top]) {
          if (n == order.length) {
            order = Arrays.copyOf(order, n * 2);
          }
          order[n++] = v;
          continue;
        }
        if (v.visited) {
          continue; // pushed by two parents before either expanded it
        }
        v.visited = true;
        if (top + 3 > stack.length) {
          stack = Arrays.copyOf(stack, stack.length * 2);
          expanded = Arrays.copyOf(expanded, stack.length);
        }
        stack[top] = v;
        expanded[top++] = true;
        Value a = v.left;
        if (a == null) {
          continue;
        }
        Value b = v.op == Value.POW_CONST ? null : v.right;
        // Leaf inputs go straight to the order (left first); others wait on the stack, with the
        // left one on top so that it is expanded first.
        if (n + 2 > order.length) {
          order = Arrays.copyOf(order, order.length * 2);
        }
        if (!a.visited && a.op == Value.LEAF) {
          a.visited = true;
          order[n++] = a;
        }
        if (b != null && !b.visited) {
          if (b.op == Value.LEAF) {
            b.visited = true;
            order[n++] = b;
          } else {
            stack[top] = b;
            expanded[top++] = false;
          }
        }
        if (!a.visited) {
          stack[top] = a;
          expanded[top++] = false;
        }
      }
      return n == order.length ? order : Arrays.copyOf(order, n);
    } catch (RuntimeException | Error e) {
      clearVisited(order, n);
      clearVisited(stack, top);
      throw e;
    }
  }

  /** Clears the flags the search set, leaving the graph ready for the next search. */
  static void clearVisited(Value[] nodes, int n) {
    for (int i = 0; i < n; i++) {
      nodes[i].visited = false;
    }
  }
}
