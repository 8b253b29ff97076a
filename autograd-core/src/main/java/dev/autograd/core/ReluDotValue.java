package dev.autograd.core;

import java.util.Map;

/**
 * A node made by {@link Value#dotRelu}: {@code relu(start + a_1*b_1 + ... + a_n*b_n)} ({@code n >=
 * 1}) in one node instead of a {@link DotValue} and the {@link Op#RELU} node over it. It keeps the
 * pre-activation sum {@link #sum} (the dot node's value, bit for bit) beside its own value, {@code
 * relu(sum)}; its {@code op} byte stays {@link Op#DOT_CODE}, so that every pass walks its inputs
 * as a dot node's, and it differs from one only where the relu shows:
 *
 * <ul>
 *   <li>{@link #sumGrad()}: the sum's grad is what the relu node would send its dot node, {@code
 *       0.0 + relu'(sum) * G} for this node's grad {@code G} (the dot node's grad starts at 0), a
 *       select as {@link Value#relu()}: {@code 0} at or below the kink whatever {@code G} is.
 *       {@link DotValue#propagate()} then sends the dot's contributions from it, at this node's
 *       single place in the backward order;
 *   <li>{@link #width()}: a {@link CompiledGraph} records it as its relu (its own slot) over the
 *       dot's chain, {@code 2n + 1} slots, replayed in the order {@link #propagate()} adds;
 *   <li>{@link #adjoints}: {@link Gradients} sends the adjoint through relu's {@code Value}
 *       derivative, then on as the dot's.
 * </ul>
 *
 * One {@code double} more than a dot node (72 bytes against 64 with compressed references),
 * where the unfused pair costs a 64-byte dot node and a 56-byte relu node.
 */
final class ReluDotValue extends DotValue {
  /** The pre-activation sum {@code start + a_1*b_1 + ... + a_n*b_n}, as {@link Value#dot}'s. */
  final double sum;

  /** The node of pre-activation {@code sum} over {@code start}, {@code a} and {@code b}. */
  ReluDotValue(double sum, Value start, ValueVector a, ValueVector b, int level, long version) {
    super(Op.RELU.forward(sum, 0.0), start, a, b, level, version);
    this.sum = sum;
  }

  /**
   * Returns the grad of the pre-activation sum: {@code 0.0 + relu'(sum) * G}, {@link Op#RELU}'s
   * derivative applied to this node's grad {@code G}, added into a grad of {@code 0} as the
   * unfused relu node adds it into its dot node's (so {@code -0.0} becomes {@code 0.0}).
   */
  @Override
  double sumGrad() {
    return 0.0 + reluGrad(grad);
  }

  /**
   * Returns what the relu sends the pre-activation sum for upstream grad {@code up}: {@link
   * Op#RELU}'s derivative at this node times {@code up} (a select: 0 at or below the kink).
   */
  double reluGrad(double up) {
    return Op.RELU.leftGrad(sum, 0.0, data, up);
  }

  @Override
  int width() {
    return 2 * terms() + 1;
  }

  /**
   * Adds the adjoints of the inputs for this node's adjoint {@code g}: relu's {@code Value}
   * derivative ({@code g} itself above the kink, nothing at or below it), then the dot's, as
   * {@link Gradients} would send them through the unfused pair. Relu's derivative reads only the
   * node's value (the piece is chosen at the current data; its own derivative is 0), so the
   * pre-activation sum needs no node of its own here.
   */
  @Override
  void adjoints(Map<Value, Value> adjoint, Value g) {
    Value s = Op.RELU.leftGrad(this, g);
    if (s != null) {
      super.adjoints(adjoint, s);
    }
  }
}
