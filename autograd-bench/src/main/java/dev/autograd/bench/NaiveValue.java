package dev.autograd.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A line-by-line Java port of the reference program's {@code Value} (reference.py), kept only as
 * a benchmark baseline: a {@code HashSet} of inputs, a closure per node for its backward step, a
 * recursive topological sort with a visited {@code HashSet}, grads reset over the sorted list,
 * then a reverse loop. Subtraction is {@code self + (-other)} and negation {@code self * -1}, as
 * in the reference program. Do not use it for anything else: a deep graph overflows the stack.
 */
final class NaiveValue {
  double data;
  double grad;
  private Runnable backward = () -> {};
  private final Set<NaiveValue> prev;
  private final String op;

  NaiveValue(double data) {
    this(data, new NaiveValue[0], "");
  }

  private NaiveValue(double data, NaiveValue[] children, String op) {
    this.data = data;
    this.prev = new HashSet<>(Arrays.asList(children));
    this.op = op;
  }

  /** Returns the reference program's {@code self + other}. */
  NaiveValue add(NaiveValue other) {
    NaiveValue out = new NaiveValue(data + other.data, new NaiveValue[] {this, other}, "+");
    out.backward =
        () -> {
          this.grad += out.grad;
          other.grad += out.grad;
        };
    return out;
  }

  /** Returns the reference program's {@code self * other}. */
  NaiveValue mul(NaiveValue other) {
    NaiveValue out = new NaiveValue(data * other.data, new NaiveValue[] {this, other}, "*");
    out.backward =
        () -> {
          this.grad += other.data * out.grad;
          other.grad += this.data * out.grad;
        };
    return out;
  }

  /** Returns the reference program's {@code self * c}: {@code c} becomes a new leaf. */
  NaiveValue mul(double c) {
    return mul(new NaiveValue(c));
  }

  /** Returns the reference program's {@code self ** exponent}. */
  NaiveValue pow(double exponent) {
    NaiveValue out = new NaiveValue(Math.pow(data, exponent), new NaiveValue[] {this}, "**");
    out.backward = () -> this.grad += (exponent * Math.pow(this.data, exponent - 1)) * out.grad;
    return out;
  }

  /** Returns the reference program's {@code -self}, which is {@code self * -1}. */
  NaiveValue neg() {
    return mul(-1.0);
  }

  /** Returns the reference program's {@code self - other}, which is {@code self + (-other)}. */
  NaiveValue sub(NaiveValue other) {
    return add(other.neg());
  }

  /** Returns Python's {@code sum(values, Value(0.0))}. */
  static NaiveValue sum(List<NaiveValue> values) {
    NaiveValue total = new NaiveValue(0.0);
    for (NaiveValue v : values) {
      total = total.add(v);
    }
    return total;
  }

  /**
   * Returns the reference program's {@code dot(v1, v2)}: the products summed from a new leaf 0.
   */
  static NaiveValue dot(List<NaiveValue> a, List<NaiveValue> b) {
    List<NaiveValue> products = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      products.add(a.get(i).mul(b.get(i)));
    }
    return sum(products);
  }

  /** Runs the reference program's {@code backward()}. */
  void backward() {
    List<NaiveValue> topo = new ArrayList<>();
    Set<NaiveValue> visited = new HashSet<>();
    buildTopo(this, topo, visited);
    for (NaiveValue node : topo) {
      node.grad = 0.0;
    }
    this.grad = 1.0;
    for (int i = topo.size() - 1; i >= 0; i--) {
      topo.get(i).backward.run();
    }
  }

  private static void buildTopo(NaiveValue v, List<NaiveValue> topo, Set<NaiveValue> visited) {
    if (visited.add(v)) {
      for (NaiveValue child : v.prev) {
        buildTopo(child, topo, visited);
      }
      topo.add(v);
    }
  }

  /** Returns the operation that made this node, as the reference program's {@code _op}. */
  String op() {
    return op;
  }
}
