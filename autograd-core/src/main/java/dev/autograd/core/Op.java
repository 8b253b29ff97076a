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
 * exponent of {@code pow(double)}) in a hidden leaf in the node's {@code right} field: that leaf is
 * not an input, is never traversed and receives no gradient.
 *
 * <p>The derivative methods return the contribution to add into an input's grad given the upstream
 * grad {@code g}, rather than a bare slope, so that an op may select (relu: {@code 0} below the
 * kink whatever {@code g} is) or order its arithmetic for accuracy. Adding an op is one constant
 * here plus its {@code Value} method and tests; the passes that switch on ops for speed fall back
 * to these methods for any op they do not special-case.
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
      return -(g * a / (b * b));
    }

    @Override
    Value leftGrad(Value node, Value g) {
      return g.div(node.right);
    }

    @Override
    Value rightGrad(Value node, Value g) {
      return g.mul(node.left).div(node.right.pow(2.0)).neg();
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
      return Math.pow(a, b);
    }

    @Override
    double leftGrad(double a, double b, double out, double g) {
      return b * Math.pow(a, b - 1) * g;
    }

    @Override
    Value leftGrad(Value node, Value g) {
      double e = node.right.data;
      return node.left.pow(e - 1).mul(e).mul(g);
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
      return Math.pow(a, b);
    }

    @Override
    double leftGrad(double a, double b, double out, double g) {
      return b * Math.pow(a, b - 1) * g;
    }

    @Override
    double rightGrad(double a, double b, double out, double g) {
      return (out == 0.0 ? 0.0 : Math.log(a) * out) * g;
    }

    @Override
    Value leftGrad(Value node, Value g) {
      return node.right.mul(node.left.pow(node.right.sub(1.0))).mul(g);
    }

    @Override
    Value rightGrad(Value node, Value g) {
      return node.data == 0.0 ? null : node.left.log().mul(node).mul(g);
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
      return (1 - out * out) * g;
    }

    @Override
    Value leftGrad(Value node, Value g) {
      return node.pow(2.0).neg().add(1.0).mul(g);
    }
  },
  RELU("relu", Kind.UNARY) {
    @Override
    double forward(double a, double b) {
      return a < 0 ? 0.0 : a;
    }

    @Override
    double leftGrad(double a, double b, double out, double g) {
      return (out > 0 ? 1.0 : (Double.isNaN(out) ? Double.NaN : 0.0)) * g;
    }

    @Override
    Value leftGrad(Value node, Value g) {
      return node.data > 0 ? g : null;
    }
  },
  SIGMOID("sigmoid", Kind.UNARY) {
    @Override
    double forward(double a, double b) {
      return 1.0 / (1.0 + Math.exp(-a));
    }

    @Override
    double leftGrad(double a, double b, double out, double g) {
      return out * (1 - out) * g;
    }

    @Override
    Value leftGrad(Value node, Value g) {
      return node.mul(node.neg().add(1.0)).mul(g);
    }
  };

  /** What a node of an op holds in its {@code left} and {@code right} fields. */
  enum Kind {
    /** No inputs: both null. */
    LEAF,
    /** One input in {@code left}; {@code right} null. */
    UNARY,
    /** One input in {@code left}; a hidden constant leaf in {@code right}. */
    UNARY_CONSTANT,
    /** Two inputs. */
    BINARY
  }

  private static final Op[] BY_CODE = values();
  /** {@code READS_RIGHT[code]}: the op's {@code right} field is an input (the op is binary). */
  private static final boolean[] READS_RIGHT = new boolean[BY_CODE.length];

  static {
    for (Op op : BY_CODE) {
      READS_RIGHT[op.ordinal()] = op.kind == Kind.BINARY;
    }
  }

  private final String symbol;
  final Kind kind;

  Op(String symbol, Kind kind) {
    this.symbol = symbol;
    this.kind = kind;
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
    throw new UnsupportedOperationException(name() + " has no inputs");
  }

  /** Returns what to add into the second input's grad (binary ops only); see {@link #leftGrad}. */
  double rightGrad(double a, double b, double out, double g) {
    throw new UnsupportedOperationException(name() + " has no second input");
  }

  /**
   * Returns {@link #leftGrad(double, double, double, double)} built from {@code Value} ops on
   * {@code node}'s inputs, output and upstream {@code g}, so that it can be differentiated again;
   * or null where the contribution is a constant zero (it depends on nothing).
   */
  Value leftGrad(Value node, Value g) {
    throw new UnsupportedOperationException(name() + " has no inputs");
  }

  /** Returns {@link #rightGrad(double, double, double, double)} as {@code Value} ops, or null. */
  Value rightGrad(Value node, Value g) {
    throw new UnsupportedOperationException(name() + " has no second input");
  }

  /** Returns the name {@link Value#op()} shows for a node of this op. */
  String label(Value node) {
    return symbol;
  }
}
