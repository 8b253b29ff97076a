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
   * The operation of an interior slot: one constant per entry of the engine's op table (but the
   * n-ary {@link Value#dot}, which a record holds as its chain of {@code MUL} and {@code ADD}
   * slots, so no slot has it; a {@link Value#dotRelu} node is a {@code RELU} slot over such a
   * chain), with the
   * same name, forward value and derivative ({@link Value}'s method of that name documents both).
   * Replay through {@link #forward}, {@link #leftGrad} and {@link #rightGrad} gives {@link
   * CompiledGraph}'s arithmetic exactly; {@code a}, {@code b}: the inputs' data (for one-input ops
   * {@code b} is the slot's {@link #constant}); {@code out}: the node's data; {@code up}: its grad.
   * Each contribution is added into the input's grad.
   */
  public enum Op {
    /** {@link Value#add(Value)}. */
    ADD,
    /** {@link Value#sub(Value)}. */
    SUB,
    /** {@link Value#mul(Value)}. */
    MUL,
    /** {@link Value#div(Value)}. */
    DIV,
    /** {@link Value#neg()}. */
    NEG,
    /** {@link Value#pow(double)} with exponent 2, as {@code a * a}. */
    SQUARE,
    /** {@link Value#pow(double)}, the exponent in {@link #constant}. */
    POW_CONST,
    /** {@link Value#pow(Value)}. */
    POW,
    /** {@link Value#exp()}. */
    EXP,
    /** {@link Value#log()}. */
    LOG,
    /** {@link Value#tanh()}. */
    TANH,
    /** {@link Value#relu()}. */
    RELU,
    /** {@link Value#sigmoid()}. */
    SIGMOID,
    /** {@link Value#abs()}. */
    ABS,
    /** {@link Value#sqrt()}. */
    SQRT,
    /** {@link Value#sin()}. */
    SIN,
    /** {@link Value#cos()}. */
    COS,
    /** {@link Value#max(Value)}. */
    MAX,
    /** {@link Value#min(Value)}. */
    MIN,
    /** {@link Value#leakyRelu(double)}, the slope in {@link #constant}. */
    LEAKY_RELU,
    /** {@link Value#softplus()}. */
    SOFTPLUS,
    /** {@link Value#stopGradient()}: identity forward, adds {@code -0.0} (nothing) backward. */
    STOP_GRADIENT;

    /** The table entry of each public op, by ordinal. */
    private static final dev.autograd.core.Op[] TABLE = new dev.autograd.core.Op[values().length];

    static {
      for (Op op : values()) {
        TABLE[op.ordinal()] = dev.autograd.core.Op.valueOf(op.name());
      }
    }

    /** Returns true if the op has two inputs (a {@link #right} slot). */
    public boolean binary() {
      return TABLE[ordinal()].kind == dev.autograd.core.Op.Kind.BINARY;
    }
  }

  private final List<Value> leaves;
  private final dev.autograd.core.Op[] ops;
  private final int[] lhs;
  private final int[] rhs;
  private final double[] constant;

  RecordedGraph(
      List<Value> leaves, dev.autograd.core.Op[] ops, int[] lhs, int[] rhs, double[] constant) {
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
    return Op.valueOf(ops[slot].name());
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
   * one-input op (one that is not {@link Op#binary()}).
   *
   * @throws IndexOutOfBoundsException if {@code slot} is not in {@code [leafCount(), size())}
   */
  public int right(int slot) {
    return op(slot).binary() ? rhs[slot] : -1;
  }

  /**
   * Returns the hidden constant of a one-input slot: the exponent of {@link Op#POW_CONST}, the
   * slope of {@link Op#LEAKY_RELU} ({@code 0} for other ops).
   *
   * @throws IndexOutOfBoundsException if {@code slot} is not in {@code [leafCount(), size())}
   */
  public double constant(int slot) {
    checkInterior(slot);
    return constant[slot];
  }

  /**
   * Returns the forward value of {@code op} at {@code a} and {@code b}, as the table computes it.
   */
  public static double forward(Op op, double a, double b) {
    return Op.TABLE[op.ordinal()].forward(a, b);
  }

  /** Returns what {@code op} adds into its first input's grad, as the table computes it. */
  public static double leftGrad(Op op, double a, double b, double out, double up) {
    return Op.TABLE[op.ordinal()].leftGrad(a, b, out, up);
  }

  /**
   * Returns what binary {@code op} adds into its second input's grad, as the table computes it.
   *
   * @throws UnsupportedOperationException if {@code op} has one input
   */
  public static double rightGrad(Op op, double a, double b, double out, double up) {
    return Op.TABLE[op.ordinal()].rightGrad(a, b, out, up);
  }

  /** Returns {@code a^b} as {@link Value#pow(double)} computes it (IEEE 754 {@code pow}). */
  public static double pow(double a, double b) {
    return dev.autograd.core.Op.pow(a, b);
  }

  /** Returns what {@code a^b} adds into its base's grad ({@link Value#pow(double)}). */
  public static double powBaseGrad(double a, double b, double up) {
    return dev.autograd.core.Op.POW.leftGrad(a, b, 0.0, up);
  }

  /** Returns what {@code out = a^b} adds into its exponent's grad ({@link Value#pow(Value)}). */
  public static double powExponentGrad(double a, double b, double out, double up) {
    return dev.autograd.core.Op.POW.rightGrad(a, b, out, up);
  }

  /** Returns what {@code out = a / b} adds into {@code b}'s grad ({@link Value#div(Value)}). */
  public static double divRightGrad(double a, double b, double out, double up) {
    return dev.autograd.core.Op.DIV.rightGrad(a, b, out, up);
  }

  /** Returns what {@code out = tanh(a)} adds into {@code a}'s grad ({@link Value#tanh()}). */
  public static double tanhGrad(double a, double out, double up) {
    return dev.autograd.core.Op.TANH.leftGrad(a, 0.0, out, up);
  }

  /** Returns what {@code out = relu(a)} adds into {@code a}'s grad ({@link Value#relu()}). */
  public static double reluGrad(double out, double up) {
    return dev.autograd.core.Op.RELU.leftGrad(0.0, 0.0, out, up);
  }

  /** Returns what {@code sigmoid(a)} adds into {@code a}'s grad ({@link Value#sigmoid()}). */
  public static double sigmoidGrad(double a, double up) {
    return dev.autograd.core.Op.SIGMOID.leftGrad(a, 0.0, 0.0, up);
  }

  private void checkInterior(int slot) {
    if (slot < leafCount() || slot >= size()) {
      throw new IndexOutOfBoundsException(
          "slot " + slot + " is not interior: interior slots are [" + leafCount() + ", " + size()
              + ")");
    }
  }
}
