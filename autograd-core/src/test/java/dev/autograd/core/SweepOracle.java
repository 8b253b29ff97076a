package dev.autograd.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An independent re-statement of {@link Backprop}'s documented sweep, for tests: it keeps its own
 * marks (an identity set) and its own queue (a sorted map of levels to stacks), never touching a
 * node's {@code visited} or {@code labelOrNext}. The order is the javadoc's: decreasing level, one
 * LIFO list per level, inputs reached in order (left then right; a dot node's start, then {@code
 * a_1, b_1, a_2, ...}), the sweep going straight on to the reached input of highest level (the
 * first met at a tie) unless a pending node has a higher level. The grads then come from the op
 * table's virtual derivatives ({@link Op#leftGrad}/{@link Op#rightGrad}, not {@link
 * Value#propagate()}'s switches) and the dot chain's order written out from {@link DotValue}'s
 * javadoc; a fused relu-dot node ({@link Value#dotRelu}) first sends its grad through relu into
 * its sum, as its javadoc says.
 */
final class SweepOracle {
  private SweepOracle() {}

  /** Returns the inputs a pass reaches from {@code v}, in the order it reaches them. */
  static List<Value> inputs(Value v) {
    List<Value> in = new ArrayList<>();
    if (v.left == null) {
      return in;
    }
    in.add(v.left);
    if (v.op == Op.DOT_CODE) {
      DotValue d = (DotValue) v;
      for (int k = 0; k < d.terms(); k++) {
        in.add(d.a.elements[k]);
        in.add(d.b.elements[k]);
      }
    } else if (Op.of(v.op).kind == Op.Kind.BINARY) {
      in.add(v.right);
    }
    return in;
  }

  /**
   * Returns every node reachable from {@code root} (root included; a unary-constant op's hidden
   * constant excluded, as a pass never reaches it), in a fixed depth-first order that depends only
   * on the graph's wiring: two graphs built the same way list matching nodes at the same places.
   */
  static List<Value> reachable(Value root) {
    Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Value> out = new ArrayList<>();
    ArrayDeque<Value> stack = new ArrayDeque<>();
    stack.push(root);
    seen.add(root);
    while (!stack.isEmpty()) {
      Value v = stack.pop();
      out.add(v);
      List<Value> in = inputs(v);
      for (int i = in.size() - 1; i >= 0; i--) {
        if (seen.add(in.get(i))) {
          stack.push(in.get(i));
        }
      }
    }
    return out;
  }

  /** Returns the interior nodes in the order the documented sweep from {@code root} propagates. */
  static List<Value> order(Value root) {
    List<Value> order = new ArrayList<>();
    if (root.left == null) {
      return order;
    }
    Set<Value> met = Collections.newSetFromMap(new IdentityHashMap<>());
    TreeMap<Integer, ArrayDeque<Value>> pending = new TreeMap<>();
    met.add(root);
    Value v = root;
    while (v != null) {
      Value next = null;
      for (Value in : inputs(v)) {
        if (!met.add(in) || in.left == null) {
          continue;
        }
        if (next == null) {
          next = in;
        } else if (in.level > next.level) {
          push(pending, next);
          next = in;
        } else {
          push(pending, in);
        }
      }
      order.add(v);
      if (next == null || (!pending.isEmpty() && pending.lastKey() > next.level)) {
        if (next != null) {
          push(pending, next);
        }
        next = pop(pending);
      }
      v = next;
    }
    return order;
  }

  private static void push(TreeMap<Integer, ArrayDeque<Value>> pending, Value v) {
    pending.computeIfAbsent(v.level, k -> new ArrayDeque<>()).push(v);
  }

  private static Value pop(TreeMap<Integer, ArrayDeque<Value>> pending) {
    if (pending.isEmpty()) {
      return null;
    }
    Map.Entry<Integer, ArrayDeque<Value>> top = pending.lastEntry();
    Value v = top.getValue().pop();
    if (top.getValue().isEmpty()) {
      pending.remove(top.getKey());
    }
    return v;
  }

  /**
   * Returns {@code d(root)/d(node)} for each node of {@link #reachable}{@code (root)}, as the
   * documented pass computes them (zero, the root 1, contributions in {@link #order}); touches no
   * field of any node.
   */
  static double[] grads(Value root) {
    List<Value> nodes = reachable(root);
    Map<Value, double[]> grad = new IdentityHashMap<>();
    for (Value v : nodes) {
      grad.put(v, new double[] {0.0});
    }
    grad.get(root)[0] = 1.0;
    for (Value v : order(root)) {
      double g = grad.get(v)[0];
      if (v.op == Op.DOT_CODE) {
        DotValue d = (DotValue) v;
        if (d instanceof ReluDotValue) {
          // The relu's contribution into the pre-activation sum, whose grad starts from 0.
          g = 0.0 + Op.RELU.leftGrad(((ReluDotValue) d).sum, 0.0, d.data, g);
        }
        double chain = 0.0 + g; // every inner node of the chain starts from grad 0
        grad.get(d.left)[0] += d.terms() == 1 ? g : chain;
        for (int k = 0; k < d.terms(); k++) {
          Value a = d.a.elements[k];
          Value b = d.b.elements[k];
          double da = a.data;
          double db = b.data;
          grad.get(a)[0] += db * chain;
          grad.get(b)[0] += da * chain;
        }
        continue;
      }
      Op op = Op.of(v.op);
      double right = v.right == null ? 0.0 : v.right.data;
      grad.get(v.left)[0] += op.leftGrad(v.left.data, right, v.data, g);
      if (op.kind == Op.Kind.BINARY) {
        grad.get(v.right)[0] += op.rightGrad(v.left.data, right, v.data, g);
      }
    }
    double[] out = new double[nodes.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = grad.get(nodes.get(i))[0];
    }
    return out;
  }

  /** Returns the bits of each of {@code grads}, for exact comparisons. */
  static long[] bits(double[] grads) {
    long[] b = new long[grads.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = Double.doubleToLongBits(grads[i]);
    }
    return b;
  }

  /** Returns the bits of each node's grad, for exact comparisons. */
  static long[] gradBits(List<Value> nodes) {
    long[] b = new long[nodes.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = Double.doubleToLongBits(nodes.get(i).grad());
    }
    return b;
  }
}
