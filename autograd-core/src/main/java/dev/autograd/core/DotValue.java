package dev.autograd.core;

import java.util.List;
import java.util.Map;

/**
 * A node made by {@link Value#dot}: {@code start + a_1*b_1 + ... + a_n*b_n} ({@code n >= 1}) in
 * one node instead of the {@code 2n} nodes of the chain {@code ((start + a_1*b_1) + a_2*b_2) +
 * ...}, with that chain's numbers: the forward value bit for bit, and backward the chain's
 * contributions in the order the chain's nodes make them when propagated one after the other at
 * this node's place, sums first (see {@link #propagate()}). {@code start} is the node's {@code left}; the
 * factors are kept here, so that only dot nodes pay for them (an ordinary node keeps its size),
 * as two arrays that several dot nodes may share: a layer's neurons read one input vector, and a
 * neuron's weights are the same array at every step ({@link Value#vector}). No one writes into
 * them.
 *
 * <p>{@link ReluDotValue} is the one subclass: the same node with relu applied to its sum
 * ({@link Value#dotRelu}). Every pass that knows dot nodes knows it through this class: its
 * {@link #sumGrad()} (the sum's grad) and {@link #width()} (its slots in a record) differ.
 */
sealed class DotValue extends Value permits ReluDotValue {
  /** {@code a_1, ..., a_n}: the first factor of each product. */
  final ValueVector a;
  /** {@code b_1, ..., b_n}: the second factor of each product, as long as {@link #a}. */
  final ValueVector b;

  DotValue(double data, Value start, ValueVector a, ValueVector b, int level, long version) {
    super(data, start, level, version);
    this.a = a;
    this.b = b;
  }

  /** Returns the number of products, {@code n}. */
  int terms() {
    return a.elements.length;
  }

  /**
   * Returns the grad of the sum {@code s_n} ({@code start + a_1*b_1 + ... + a_n*b_n}), from which
   * {@link #propagate()} sends the contributions: this node's grad, since this node is the sum.
   * {@link ReluDotValue} returns what its relu sends the sum instead.
   */
  double sumGrad() {
    return grad;
  }

  /**
   * Returns the slots this node takes in a {@link CompiledGraph} record: {@code 2n}, the chain's
   * {@code n} sums and {@code n} products ({@link ReluDotValue}: one more, its relu).
   */
  int width() {
    return 2 * terms();
  }

  /** Returns factor {@code i} in input order {@code a_1, b_1, a_2, b_2, ...}, {@code 0 <= i < 2n}. */
  Value factor(int i) {
    return ((i & 1) == 0 ? a : b).elements[i >> 1];
  }

  /**
   * Returns the running sum {@code sum} plus the next term {@code a * b}: the product rounded,
   * then added ({@link Op#MUL}'s then {@link Op#ADD}'s forward, no fused multiply-add), as the
   * chain computes it. From {@code start}, term after term left to right, it gives the node's
   * value.
   */
  static double plusTerm(double sum, double a, double b) {
    return Op.ADD.forward(sum, Op.MUL.forward(a, b));
  }

  /** Returns the level of a dot node of {@code start}, {@code a} and {@code b}. */
  static int level(Value start, ValueVector a, ValueVector b) {
    return 1 + Math.max(start.level, Math.max(a.level, b.level));
  }

  /**
   * Returns the role of input {@code i} of {@link #inputs()}, as displays name it: {@code "start"},
   * then {@code "a1"}, {@code "b1"}, {@code "a2"}, ... (the factors of the first product, ...).
   */
  static String role(int i) {
    return i == 0 ? "start" : (i % 2 == 1 ? "a" : "b") + (i + 1) / 2;
  }

  /** Returns the inputs in order: {@code start, a_1, b_1, ..., a_n, b_n}. */
  List<Value> inputs() {
    Value[] all = new Value[2 * terms() + 1];
    all[0] = left;
    for (int i = 0; i < 2 * terms(); i++) {
      all[i + 1] = factor(i);
    }
    return List.of(all);
  }

  /**
   * One chain-rule step, as the chain {@code s_k = s_(k-1) + p_k}, {@code p_k = a_k * b_k}
   * ({@code s_0 = start}, {@code s_n} this node) propagated node after node in the order {@link
   * Value#backward()} takes such a chain over leaves: the sums from the top, {@code s_n, ...,
   * s_1}, then the products, {@code p_1, ..., p_n}. With {@code G} the grad of {@code s_n} ({@link
   * #sumGrad()}: this node's grad, but for a {@link ReluDotValue} what its relu sends), every other
   * node of the chain gets {@code g' = 0.0 + G} (it starts from grad 0: {@code -0.0} becomes
   * {@code 0.0}), so: {@code start.grad += G'} ({@code G' = G} if {@code n = 1}, else {@code
   * g'}), then for {@code k = 1..n}: {@code a_k.grad += b_k * g'} and {@code b_k.grad += a_k *
   * g'} ({@link Op#MUL}'s derivatives, left input first, so {@code dot(x, x)} adds twice into
   * {@code x}).
   */
  void propagate() {
    double up = sumGrad();
    left.grad += startGrad(up);
    addProductGrads(productGrad(up));
  }

  /**
   * Adds each product's contributions, {@code g} being the products' upstream grad: for {@code k =
   * 1..n}, {@code a_k.grad += b_k * g}, then {@code b_k.grad += a_k * g}. The second half of
   * {@link #propagate()}, also {@link Backprop}'s when every factor is already reached.
   */
  void addProductGrads(double g) {
    final Value[] fa = a.elements;
    final Value[] fb = b.elements;
    for (int k = 0; k < fa.length; k++) {
      Value ak = fa[k];
      Value bk = fb[k];
      double da = ak.data;
      double db = bk.data;
      ak.grad += Op.MUL.leftGrad(da, db, 0.0, g);
      bk.grad += Op.MUL.rightGrad(da, db, 0.0, g);
    }
  }

  /** Returns the products' upstream grad when this node's grad is {@code up}: {@code 0.0 + up}. */
  static double productGrad(double up) {
    return 0.0 + Op.ADD.rightGrad(0.0, 0.0, 0.0, up);
  }

  /**
   * Returns the grad of {@code s_1}, through which the start receives its contribution, when this
   * node's grad is {@code up}: {@code up} itself if {@code n = 1} ({@code s_1} is this node), else
   * {@link #productGrad(double)}.
   */
  double startUpstream(double up) {
    return terms() == 1 ? up : productGrad(up);
  }

  /**
   * Returns what {@link #propagate()} adds into the start's grad, from {@code s_1}, when the sum's
   * grad is {@code up}.
   */
  double startGrad(double up) {
    return Op.ADD.leftGrad(0.0, 0.0, 0.0, startUpstream(up));
  }

  /**
   * {@link #propagate()} with {@code Value} ops, for {@link Gradients}: adds into {@code adjoint}
   * the contributions the chain's nodes would send for upstream {@code g}, in the same order (an
   * {@link Op#ADD} passes {@code g} itself on, so every contribution uses {@code g}), {@code g}
   * being the sum's adjoint.
   */
  void adjoints(Map<Value, Value> adjoint, Value g) {
    Gradients.accumulate(adjoint, left, g);
    final Value[] fa = a.elements;
    final Value[] fb = b.elements;
    for (int k = 0; k < fa.length; k++) {
      Gradients.accumulate(adjoint, fa[k], fb[k].mul(g));
      Gradients.accumulate(adjoint, fb[k], fa[k].mul(g));
    }
  }
}
