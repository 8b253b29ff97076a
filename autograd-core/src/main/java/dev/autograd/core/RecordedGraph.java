package dev.autograd.core;

import java.util.List;

/**
 * A read-only view of what a {@link CompiledGraph} replays, for code generators (such as
 * autograd-jit's bytecode replay) that emit the same replay as straight-line code: the slots in
 * recording order, each interior slot's operation and input slots, and the leaves.
 *
 * <p>Slots {@code 0 .. leafCount() - 1} are the leaves, in the order of {@link #leaves()}; the
 * interior slots follow in an order where every input comes before its node, and the last slot
 * ({@code size() - 1}) is the output. A replay that recomputes the interior slots in increasing
 * order, then propagates in decreasing order with the arithmetic of {@link Op}, gives {@link
 * CompiledGraph}'s results bit for bit.
 */
public final class RecordedGraph {
  /**
   * The operation of an interior slot; each constant's javadoc gives the forward value and the
   * gradient contributions, in the exact arithmetic order {@link CompiledGraph} uses ({@code a},
   * {@code b}: the inputs' data; {@code out}: the node's data; {@code up}: the node's grad).
   */
  public enum Op {
    /** {@code a + b}; {@code ga += up; gb += up}. */
    ADD,
    /** {@code a - b}; {@code ga += up; gb -= up}. */
    SUB,
    /** {@code a * b}; {@code ga += b * up; gb += a * up}. */
    MUL,
    /** {@code a / b}; {@code ga += up / b; gb -= up * a / (b * b)}. */
    DIV,
    /** {@code -a}; {@code ga -= up}. */
    NEG,
    /** {@code a * a} ({@code pow(2)}); {@code ga += 2.0 * a * up}. */
    SQUARE,
    /** {@code Math.pow(a, c)}, {@code c} the slot's {@link #constant}; {@code ga += powBaseSlope(a, c) * up}. */
    POW_CONST,
    /**
     * {@code Math.pow(a, b)}; {@code ga += powBaseSlope(a, b) * up; gb += powExponentSlope(a,
     * out) * up}.
     */
    POW,
    /** {@code Math.exp(a)}; {@code ga += out * up}. */
    EXP,
    /** {@code Math.log(a)}; {@code ga += up / a}. */
    LOG,
    /** {@code Math.tanh(a)}; {@code ga += (1 - out * out) * up}. */
    TANH,
    /** {@code a < 0 ? 0.0 : a}; {@code ga += reluSlope(out) * up}. */
    RELU,
    /** {@code 1.0 / (1.0 + Math.exp(-a))}; {@code ga += out * (1 - out) * up}. */
    SIGMOID
  }

  private final List<Value> leaves;
  private final byte[] ops;
  private final int[] lhs;
  private final int[] rhs;
  private final double[] constant;

  RecordedGraph(List<Value> leaves, byte[] ops, int[] lhs, int[] rhs, double[] constant) {
    this.leaves = leaves;
    this.ops = ops;
    this.lhs = lhs;
    this.rhs = rhs;
    this.constant = constant;
  }

  /** Returns the number of slots, leaves included. */
  public int size() {
    return ops.length;
  }

  /** Returns the number of leaf slots, which come first. */
  public int leafCount() {
    return leaves.size();
  }

  /** Returns the leaves, slot {@code i} holding {@code leaves().get(i)}. */
  public List<Value> leaves() {
    return leaves;
  }

  /**
   * Returns the operation of interior slot {@code slot}.
   *
   * @throws IndexOutOfBoundsException if {@code slot} is not in {@code [leafCount(), size())}
   */
  public Op op(int slot) {
    checkInterior(slot);
    return CompiledGraph.opOf(ops[slot]);
  }

  /**
   * Returns the slot of the first input of interior slot {@code slot}.
   *
   * @throws IndexOutOfBoundsException if {@code slot} is not in {@code [leafCount(), size())}
   */
  public int left(int slot) {
    checkInterior(slot);
    return lhs[slot];
  }

  /**
   * Returns the slot of the second input of interior slot {@code slot}, or {@code -1} for a
   * one-input op ({@code NEG, SQUARE, POW_CONST, EXP, LOG, TANH, RELU, SIGMOID}).
   *
   * @throws IndexOutOfBoundsException if {@code slot} is not in {@code [leafCount(), size())}
   */
  public int right(int slot) {
    Op op = op(slot);
    boolean binary =
        op == Op.ADD || op == Op.SUB || op == Op.MUL || op == Op.DIV || op == Op.POW;
    return binary ? rhs[slot] : -1;
  }

  /**
   * Returns the exponent of a {@link Op#POW_CONST} slot ({@code 0} for other ops).
   *
   * @throws IndexOutOfBoundsException if {@code slot} is not in {@code [leafCount(), size())}
   */
  public double constant(int slot) {
    checkInterior(slot);
    return constant[slot];
  }

  /**
   * Returns {@code d(a^e)/da} as {@link Value#pow(double)} backpropagates it: {@code 2a} for
   * {@code e = 2}, else {@code e * a^(e - 1)} (the power rule).
   */
  public static double powBaseSlope(double a, double e) {
    return Value.powBaseSlope(a, e);
  }

  /**
   * Returns {@code d(a^b)/db} from the base and the power's result {@code out}: {@code ln(a) *
   * out}, and {@code 0} where {@code out} is {@code 0} (as {@link Value#pow(Value)} documents).
   */
  public static double powExponentSlope(double a, double out) {
    return Value.powExponentSlope(a, out);
  }

  /**
   * Returns relu's local derivative from its output: {@code 1} where {@code out > 0}, {@code NaN}
   * where {@code out} is NaN, else {@code 0} (as {@link Value#relu()} documents).
   */
  public static double reluSlope(double out) {
    return Value.reluSlope(out);
  }

  private void checkInterior(int slot) {
    if (slot < leafCount() || slot >= size()) {
      throw new IndexOutOfBoundsException(
          "slot " + slot + " is not interior: interior slots are [" + leafCount() + ", " + size()
              + ")");
    }
  }
}
