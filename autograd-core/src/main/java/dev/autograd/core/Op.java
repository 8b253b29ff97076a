package dev.autograd.core;

/**
 * The op table: every operation a {@link Value} can be made by, each defined once — its name, its
 * inputs, its forward arithmetic, and its local derivative twice over: as doubles (what {@link
 * Value#backward()} and {@link CompiledGraph}'s replay add into the inputs' grads) and as {@code
 * Value} ops (what {@link Gradients} builds, so that derivatives can be differentiated again). The
 * public javadoc of each op in {@link Value} states its derivative and special points; this table
 * is where the arithmetic lives.
 *
 * <p>A node stores its op as the byte {@link #code()} (so that a node stays 48 bytes); {@link
 * #of(byte)} reads it back. An op of kind {@link Kind#UNARY_CONSTANT} keeps its constant (the
 * exponent of {@code pow(double)}, the slope of {@code leakyRelu}) in a hidden leaf in the node's
 * {@code right} field: that leaf is not an input, is never traversed and receives no gradient;
 * only {@link #readsRight(byte)} says whether {@code right} is an input.
 *
 * <p>The derivative methods return the contribution to add into an input's grad given the upstream
 * grad {@code g}, rather than a bare slope, so that an op may select (relu: {@code 0} below the
 * kink whatever {@code g} is) or order its arithmetic for accuracy. Adding an op is one constant
 * here plus its {@code Value} method and tests (and its name in {@link RecordedGraph.Op}, the
 * public mirror for code generators, which {@code OpTableTest} checks); the passes that switch on
 * ops for speed fall back to these methods for any op they do not special-case.
 */
enum Op {
  LEAF("", Kind.LEAF) {
    @Override
    double forward(double a, double b) {
      throw new UnsupportedOperationException("a leaf has no forward");
    }
  },
  ADD("+", Kind.BINARY) {
    @Override
    double forward(double a, double b) {
      return a + b;
    }

    @Override
    double leftGrad(double a, double b, double out, double g) {
      return g;
    }

    @Override
    double rightGrad(double a, double b, double out, double g) {
      return g;
    }

    @Override
    Value leftGrad(Value node, Value g) {
      return g;
    }

    @Override
    Value rightGrad(Value node, Value g) {
      return g;
    }
  },
  SUB("-", Kind.BINARY) {
    @Override
    double forward(double a, double b) {
      return a - b;
    }

    @Override
    double leftGrad(double a, double b, double out, double g) {
      return g;
    }

    @Override
    double rightGrad(double a, double b, double out, double g) {
      return -g;
    }

    @Override
    Value leftGrad(Value node, Value g) {
      return g;
    }

    @Override
    Value rightGrad(Value node, Value g) {
      return g.neg();
    }
  },
  MUL("*", Kind.BINARY) {
    @Override
    double forward(double a, double b) {
      return a * b;
    }

    @Override
    double leftGrad(double a, double b, double out, double g) {
      return b * g;
    }

    @Override
    double rightGrad(double a, double b, double out, double g) {
      return a * g;
    }

    @Override
    Value leftGrad(Value node, Value g) {
      return node.right.mul(g);
    }

    @Override
    Value rightGrad(Value node, Value g) {
      return node.left.mul(g);
    }
  },
  DIV("/", Kind.BINARY) {
    @Override
    double forward(double a, double b) {
      return a / b;
    }

    @Override
    double leftGrad(double a, double b, double out, double g) {
      return g / b;
    }

    @Override
    double rightGrad(double a, double b, double out, double g) {
      return -out / b * g; // (a / b) / b: a / (b * b) would overflow or underflow in b * b
    }

    @Override
    Value leftGrad(Value node, Value g) {
      return g.div(node.right);
    }

    @Override
    Value rightGrad(Value node, Value g) {
      return node.neg().div(node.right).mul(g);
    }
  },
  NEG("neg", Kind.UNARY) {
    @Override
    double forward(double a, double b) {
      return -a;
    }

    @Override
    double leftGrad(double a, double b, double out, double g) {
      return -g;
    }

    @Override
    Value leftGrad(Value node, Value g) {
      return g.neg();
    }
  },
  /** {@code pow(2.0)}: its own op, so that the most common power needs no hidden constant. */
  SQUARE("**2", Kind.UNARY) {
    @Override
    double forward(double a, double b) {
      return a * a;
    }

    @Override
    double leftGrad(double a, double b, double out, double g) {
      return 2.0 * a * g;
    }

    @Override
    Value leftGrad(Value node, Value g) {
      return node.left.mul(2.0).mul(g);
    }
  },
  POW_CONST("**", Kind.UNARY_CONSTANT) {
    @Override
    double forward(double a, double b) {
      return pow(a, b);
    }

    @Override
    double leftGrad(double a, double b, double out, double g) {
      return powBaseGrad(a, b, g);
    }

    @Override
    Value leftGrad(Value node, Value g) {
      double e = node.right.data;
      return e == 0.0 ? null : node.left.pow(e - 1).mul(e).mul(g);
    }

    @Override
    String label(Value node) {
      double e = node.right.data;
      boolean integral = e == Math.rint(e) && Math.abs(e) < 1e15;
      return "**" + (integral ? Long.toString((long) e) : PythonFormat.repr(e));
    }
  },
  POW("**", Kind.BINARY) {
    @Override
    double forward(double a, double b) {
      return pow(a, b);
    }

    @Override
    double leftGrad(double a, double b, double out, double g) {
      return powBaseGrad(a, b, g);
    }

    @Override
    double rightGrad(double a, double b, double out, double g) {
      return powExponentIsZero(a, b, out) ? 0.0 : out * Math.log(a) * g;
    }

    @Override
    Value leftGrad(Value node, Value g) {
      Value b = node.right;
      return b.data == 0.0 ? null : b.mul(node.left.pow(b.sub(1.0))).mul(g);
    }

    @Override
    Value rightGrad(Value node, Value g) {
      return powExponentIsZero(node.left.data, node.right.data, node.data)
          ? null
          : node.mul(node.left.log()).mul(g);
    }
  },
  EXP("exp", Kind.UNARY) {
    @Override
    double forward(double a, double b) {
      return Math.exp(a);
    }

    @Override
    double leftGrad(double a, double b, double out, double g) {
      return out * g;
    }

    @Override
    Value leftGrad(Value node, Value g) {
      return node.mul(g);
    }
  },
  LOG("log", Kind.UNARY) {
    @Override
    double forward(double a, double b) {
      return Math.log(a);
    }

    @Override
    double leftGrad(double a, double b, double out, double g) {
      return g / a;
    }

    @Override
    Value leftGrad(Value node, Value g) {
      return g.div(node.left);
    }
  },
  TANH("tanh", Kind.UNARY) {
    @Override
    double forward(double a, double b) {
      return Math.tanh(a);
    }

    @Override
    double leftGrad(double a, double b, double out, double g) {
      if (Math.abs(a) < 1.0) {
        return (1 - out * out) * g;
      }
      // sech²(a) = 4e / (1 + e)² with e = exp(-2|a|): 1 - out² cancels to 0 once out rounds to ±1.
      double e = Math.exp(a >= 0 ? a * -2.0 : a * 2.0);
      return e * 4.0 / ((e + 1.0) * (e + 1.0)) * g;
    }

    @Override
    Value leftGrad(Value node, Value g) {
      Value a = node.left;
      if (Math.abs(a.data) < 1.0) {
        return node.pow(2.0).neg().add(1.0).mul(g);
      }
      Value e = a.mul(a.data >= 0 ? -2.0 : 2.0).exp();
      return e.mul(4.0).div(e.add(1.0).pow(2.0)).mul(g);
    }
  },
  RELU("relu", Kind.UNARY) {
    @Override
    double forward(double a, double b) {
      return a < 0 ? 0.0 : a;
    }

    @Override
    double leftGrad(double a, double b, double out, double g) {
      return out <= 0 ? 0.0 : g; // a select, as PyTorch's threshold_backward: NaN passes g
    }

    @Override
    Value leftGrad(Value node, Value g) {
      return node.data <= 0 ? null : g;
    }
  },
  SIGMOID("sigmoid", Kind.UNARY) {
    @Override
    double forward(double a, double b) {
      return 1.0 / (1.0 + Math.exp(-a));
    }

    @Override
    double leftGrad(double a, double b, double out, double g) {
      // e / (1 + e)² with e = exp(-|a|): out * (1 - out) cancels to 0 once out rounds to 1.
      double e = Math.exp(a >= 0 ? -a : a);
      return e / ((e + 1.0) * (e + 1.0)) * g;
    }

    @Override
    Value leftGrad(Value node, Value g) {
      Value a = node.left;
      Value e = (a.data >= 0 ? a.neg() : a).exp();
      return e.div(e.add(1.0).pow(2.0)).mul(g);
    }
  },
  ABS("abs", Kind.UNARY) {
    @Override
    double forward(double a, double b) {
      return Math.abs(a);
    }

    @Override
    double leftGrad(double a, double b, double out, double g) {
      return a > 0 ? g : (a < 0 ? -g : 0.0);
    }

    @Override
    Value leftGrad(Value node, Value g) {
      double a = node.left.data;
      return a > 0 ? g : (a < 0 ? g.neg() : null);
    }
  },
  SQRT("sqrt", Kind.UNARY) {
    @Override
    double forward(double a, double b) {
      return Math.sqrt(a);
    }

    @Override
    double leftGrad(double a, double b, double out, double g) {
      return g / (out * 2.0);
    }

    @Override
    Value leftGrad(Value node, Value g) {
      return g.div(node.mul(2.0));
    }
  },
  SIN("sin", Kind.UNARY) {
    @Override
    double forward(double a, double b) {
      return Math.sin(a);
    }

    @Override
    double leftGrad(double a, double b, double out, double g) {
      return Math.cos(a) * g;
    }

    @Override
    Value leftGrad(Value node, Value g) {
      return node.left.cos().mul(g);
    }
  },
  COS("cos", Kind.UNARY) {
    @Override
    double forward(double a, double b) {
      return Math.cos(a);
    }

    @Override
    double leftGrad(double a, double b, double out, double g) {
      return -Math.sin(a) * g;
    }

    @Override
    Value leftGrad(Value node, Value g) {
      return node.left.sin().neg().mul(g);
    }
  },
  MAX("max", Selection.LARGER) {
    @Override
    double forward(double a, double b) {
      return Math.max(a, b);
    }
  },
  MIN("min", Selection.SMALLER) {
    @Override
    double forward(double a, double b) {
      return Math.min(a, b);
    }
  },
  LEAKY_RELU("leakyRelu", Kind.UNARY_CONSTANT) {
    @Override
    double forward(double a, double slope) {
      return a > 0 ? a : a * slope;
    }

    @Override
    double leftGrad(double a, double slope, double out, double g) {
      return a > 0 ? g : (slope == 0.0 ? 0.0 : slope * g);
    }

    @Override
    Value leftGrad(Value node, Value g) {
      double slope = node.right.data;
      return node.left.data > 0 ? g : (slope == 0.0 ? null : g.mul(slope));
    }

    @Override
    String label(Value node) {
      return "leakyRelu(" + PythonFormat.repr(node.right.data) + ")";
    }
  },
  SOFTPLUS("softplus", Kind.UNARY) {
    @Override
    double forward(double a, double b) {
      return Math.max(a, 0.0) + Math.log1p(Math.exp(-Math.abs(a)));
    }

    @Override
    double leftGrad(double a, double b, double out, double g) {
      return SIGMOID.forward(a, 0.0) * g;
    }

    @Override
    Value leftGrad(Value node, Value g) {
      return node.left.sigmoid().mul(g);
    }
  },
  /**
   * Identity forward, zero derivative. The contribution is {@code -0.0}, IEEE 754's additive
   * identity ({@code x + -0.0} is {@code x} for every {@code x}, {@code -0.0} and NaN included), so
   * an input's grad is left bit for bit as it was, whatever the upstream grad (NaN, infinite).
   */
  STOP_GRADIENT("stopGradient", Kind.UNARY) {
    @Override
    double forward(double a, double b) {
      return a;
    }

    @Override
    double leftGrad(double a, double b, double out, double g) {
      return -0.0;
    }

    @Override
    Value leftGrad(Value node, Value g) {
      return null;
    }
  },
  /**
   * The fused dot product {@code start + a_1*b_1 + ... + a_n*b_n} ({@link Value#dot}): by
   * definition the chain of {@link #MUL} and {@link #ADD} nodes it replaces, so its arithmetic is
   * theirs, forward and backward, applied by {@link DotValue} to its {@code n}-ary inputs. It has
   * no binary forward or derivative here; a {@link CompiledGraph} records it as that chain. A
   * {@link ReluDotValue} ({@link Value#dotRelu}) has this op too, with {@link #RELU} over the
   * chain, and is named {@code "relu(dot)"}.
   */
  DOT("dot", Kind.NARY) {
    @Override
    double forward(double a, double b) {
      throw new UnsupportedOperationException("dot has n inputs: see DotValue");
    }

    @Override
    String label(Value node) {
      return node instanceof ReluDotValue ? "relu(dot)" : "dot";
    }
  };

  /**
   * Returns {@code a^b} as IEEE 754 {@code pow} defines it: Java's {@code Math.pow} but {@code 1}
   * for {@code pow(1, y)} with any {@code y} (NaN included) and for {@code pow(-1, ±Infinity)},
   * where {@code Math.pow} returns NaN (as C's {@code pow}, which PyTorch and NumPy call).
   */
  static double pow(double a, double b) {
    if (a == 1.0 || (a == -1.0 && Double.isInfinite(b))) {
      return 1.0;
    }
    return Math.pow(a, b);
  }

  /**
   * Returns {@code b * a^(b - 1) * g}, the power rule, or exactly {@code 0} where {@code b == 0}
   * (the derivative of the constant {@code a^0 = 1}, NaN or zero base included, as PyTorch masks
   * it).
   */
  static double powBaseGrad(double a, double b, double g) {
    return b == 0.0 ? 0.0 : b * pow(a, b - 1) * g;
  }

  /**
   * Returns true where {@code d(a^b)/db = a^b ln(a)} is taken as exactly {@code 0}: a zero base
   * with {@code b >= 0} (PyTorch's mask, the limit for {@code b > 0}), and a zero result of a
   * positive base ({@code a^b} underflowed, or {@code a = Infinity} with {@code b < 0}: the
   * function is flat there, where {@code 0 * ln(a)} would give NaN).
   */
  static boolean powExponentIsZero(double a, double b, double out) {
    return (a == 0.0 && b >= 0) || (out == 0.0 && a > 0);
  }

  /**
   * Which input a selecting op ({@link #MAX}, {@link #MIN}) passes on, and so which input its
   * grad goes to: {@code g} to an input strictly ahead, {@code 0} to one behind, {@code g / 2} to
   * each at a tie ({@code -0.0} ties {@code 0.0}), and {@code g} to both inputs where either is
   * NaN — as PyTorch's {@code torch.maximum} and {@code torch.minimum} backward.
   */
  enum Selection {
    /** Max: the larger input is ahead. */
    LARGER,
    /** Min: the smaller input is ahead. */
    SMALLER;

    /** Returns true if {@code self} is strictly behind {@code other} (false if either is NaN). */
    boolean behind(double self, double other) {
      return this == LARGER ? self < other : self > other;
    }

    /** Returns the grad of input {@code self} against the other input {@code other}. */
    double grad(double self, double other, double g) {
      if (behind(self, other)) {
        return 0.0;
      }
      return self == other ? g * 0.5 : g;
    }

    /** Returns {@link #grad(double, double, double)} as {@code Value} ops, or null for 0. */
    Value grad(double self, double other, Value g) {
      if (behind(self, other)) {
        return null;
      }
      return self == other ? g.mul(0.5) : g;
    }
  }

  /** What a node of an op holds in its {@code left} and {@code right} fields. */
  enum Kind {
    /** No inputs: both null. */
    LEAF,
    /** One input in {@code left}; {@code right} null. */
    UNARY,
    /** One input in {@code left}; a hidden constant leaf in {@code right}. */
    UNARY_CONSTANT,
    /** Two inputs. */
    BINARY,
    /**
     * Any number of inputs ({@link #DOT}): the first in {@code left}, the others in the node's own
     * array ({@link DotValue}); {@code right} null.
     */
    NARY
  }

  private static final Op[] BY_CODE = values();
  /** {@code READS_RIGHT[code]}: the op's {@code right} field is an input (the op is binary). */
  private static final boolean[] READS_RIGHT = new boolean[BY_CODE.length];

  /**
   * The {@link #code()} of each op that {@link Value#propagate()} dispatches with a switch on the
   * node's byte (a {@code tableswitch}, one branch, where a switch on the op would first look the
   * op up and then its case): the class initializer checks each against its op.
   */
  static final byte ADD_CODE = 1;
  /** {@link #SUB}'s {@link #code()}. */
  static final byte SUB_CODE = 2;
  /** {@link #MUL}'s {@link #code()}. */
  static final byte MUL_CODE = 3;
  /** {@link #SQUARE}'s {@link #code()}. */
  static final byte SQUARE_CODE = 6;
  /** {@link #TANH}'s {@link #code()}. */
  static final byte TANH_CODE = 11;
  /** {@link #RELU}'s {@link #code()}. */
  static final byte RELU_CODE = 12;
  /** {@link #DOT}'s {@link #code()}. */
  static final byte DOT_CODE = 23;

  static {
    for (Op op : BY_CODE) {
      READS_RIGHT[op.ordinal()] = op.kind == Kind.BINARY;
    }
    if (ADD.code() != ADD_CODE || SUB.code() != SUB_CODE || MUL.code() != MUL_CODE
        || SQUARE.code() != SQUARE_CODE || TANH.code() != TANH_CODE || RELU.code() != RELU_CODE
        || DOT.code() != DOT_CODE) {
      throw new AssertionError("an op's code constant does not match its place in the table");
    }
  }

  private final String symbol;
  final Kind kind;
  /** The input a selecting op passes on; null for every other op. */
  private final Selection selection;

  Op(String symbol, Kind kind) {
    this.symbol = symbol;
    this.kind = kind;
    this.selection = null;
  }

  /** A binary op that passes on one of its inputs, chosen by {@code selection}. */
  Op(String symbol, Selection selection) {
    this.symbol = symbol;
    this.kind = Kind.BINARY;
    this.selection = selection;
  }

  /** Returns the op stored as {@code code} in a node. */
  static Op of(byte code) {
    return BY_CODE[code];
  }

  /** Returns true if a node with op {@code code} has a second input in {@code right}. */
  static boolean readsRight(byte code) {
    return READS_RIGHT[code];
  }

  /** Returns the byte a node stores for this op. */
  byte code() {
    return (byte) ordinal();
  }

  /**
   * Returns the op's value for input {@code a} and {@code b}: the second input of a binary op, the
   * hidden constant of a {@link Kind#UNARY_CONSTANT} op, ignored otherwise.
   */
  abstract double forward(double a, double b);

  /**
   * Returns what to add into the first input's grad: the local derivative at inputs {@code a},
   * {@code b} (as for {@link #forward}) and output {@code out}, times upstream grad {@code g}.
   */
  double leftGrad(double a, double b, double out, double g) {
    if (selection != null) {
      return selection.grad(a, b, g);
    }
    throw new UnsupportedOperationException(name() + " has no inputs");
  }

  /** Returns what to add into the second input's grad (binary ops only); see {@link #leftGrad}. */
  double rightGrad(double a, double b, double out, double g) {
    if (selection != null) {
      return selection.grad(b, a, g);
    }
    throw new UnsupportedOperationException(name() + " has no second input");
  }

  /**
   * Returns {@link #leftGrad(double, double, double, double)} built from {@code Value} ops on
   * {@code node}'s inputs, output and upstream {@code g}, so that it can be differentiated again;
   * or null where the contribution is a constant zero (it depends on nothing).
   */
  Value leftGrad(Value node, Value g) {
    if (selection != null) {
      return selection.grad(node.left.data, node.right.data, g);
    }
    throw new UnsupportedOperationException(name() + " has no inputs");
  }

  /** Returns {@link #rightGrad(double, double, double, double)} as {@code Value} ops, or null. */
  Value rightGrad(Value node, Value g) {
    if (selection != null) {
      return selection.grad(node.right.data, node.left.data, g);
    }
    throw new UnsupportedOperationException(name() + " has no second input");
  }

  /** Returns the name {@link Value#op()} shows for a node of this op. */
  String label(Value node) {
    return symbol;
  }
}
