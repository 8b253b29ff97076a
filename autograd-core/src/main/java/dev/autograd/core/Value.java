package dev.autograd.core;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A scalar node of a computation graph: its number ({@link #data()}), the derivative of the last
 * differentiated output with respect to it ({@link #grad()}), and the operation and inputs that
 * made it.
 *
 * <p>Every operation builds a new node and leaves its inputs untouched; the javadoc of each one
 * states its local derivative, which {@link #backward()} multiplies by the upstream gradient
 * (chain rule) and adds into the input's {@code grad}.
 *
 * <h2>Gradient semantics</h2>
 *
 * <ul>
 *   <li>{@link #backward()} is the seed's {@code backward}: every node reachable from this one
 *       (this node included) has its {@code grad} set to {@code 0}, this node's to {@code 1}, then
 *       gradients flow in reverse topological order. Afterwards each reachable node holds {@code
 *       d(this)/d(node)}. Calling it again gives the same grads: it is idempotent.
 *   <li>{@link #backwardAccumulate()} adds {@code d(this)/d(node)} into the grad each reachable node
 *       already holds, for summing the gradients of several outputs.
 *   <li>Nothing else changes a grad, except {@link #zeroGrad()}.
 * </ul>
 *
 * <p>A node used twice (as in {@code a.add(a)}) receives both contributions. Graph traversal is
 * iterative, so graphs of any depth (10,000,000-node chains included) differentiate without
 * {@code StackOverflowError}.
 *
 * <h2>Non-finite values</h2>
 *
 * Operations follow IEEE 754 arithmetic and never throw on a value: {@code log} of {@code 0} is
 * {@code -Infinity} and of a negative number {@code NaN}; a negative base to a non-integer power
 * is {@code NaN}; overflow gives {@code ±Infinity}; {@code NaN} propagates through every op and its
 * derivative. Each op documents the points where its local derivative is not finite.
 * {@link AnomalyDetection} makes creation and backpropagation throw at the first NaN or infinity
 * instead, naming the op, its inputs and the node's label.
 *
 * <h2>Identity and threads</h2>
 *
 * A {@code Value} is a graph node: two nodes holding the same number are still different nodes,
 * so {@code equals} and {@code hashCode} are identity-based. A graph is not thread-safe and must
 * not be shared between threads: build and differentiate each graph on one thread at a time (a
 * backward pass writes every reachable node's grad and search flag). Independent graphs — sharing
 * no node, leaves included — may be built and differentiated on different threads at once, and
 * give bit for bit the results they give on one thread.
 */
public final class Value {
  double data;
  double grad;
  final byte op;
  /** First input, or {@code null} for a leaf. */
  final Value left;
  /** Second input; for an op of kind {@link Op.Kind#UNARY_CONSTANT} a hidden constant leaf. */
  final Value right;

  private final String label;
  /**
   * Longest path from a leaf: 0 for a leaf, else one more than the inputs' highest. Every node
   * made from this one has a higher level, so decreasing level is a reverse topological order.
   */
  final int level;
  /** Set while {@link Backprop} collects the graph; always false between calls. */
  boolean visited;

  private Value(double data, Op op, Value left, Value right, String label) {
    this.data = data;
    this.op = op.code();
    this.left = left;
    this.right = right;
    this.label = label;
    this.level =
        left == null ? 0 : 1 + (right == null ? left.level : Math.max(left.level, right.level));
    if (AnomalyDetection.enabled) {
      AnomalyDetection.checkForward(this);
    }
  }

  /** Returns a new node made by unary {@code op} from {@code input}. */
  private static Value unary(Op op, Value input) {
    return new Value(op.forward(input.data, 0.0), op, input, null, "");
  }

  /** Returns a new node made by {@code op} from {@code input} and a hidden constant. */
  private static Value withConstant(Op op, Value input, double constant) {
    return new Value(op.forward(input.data, constant), op, input, of(constant), "");
  }

  /** Returns a new node made by binary {@code op} from {@code a} and {@code b}. */
  private static Value binary(Op op, Value a, Value b) {
    return new Value(op.forward(a.data, b.data), op, a, b, "");
  }

  /** Returns a new leaf holding {@code data}, with an empty label. */
  public static Value of(double data) {
    return new Value(data, Op.LEAF, null, null, "");
  }

  /**
   * Returns a new leaf holding {@code data} with a label, which graph displays such as {@link
   * DotGraph} show.
   *
   * @throws NullPointerException if {@code label} is null
   */
  public static Value of(double data, String label) {
    return new Value(data, Op.LEAF, null, null, requireNonNull(label, "label"));
  }

  /**
   * Returns {@code 0 + values[0] + values[1] + ...}, added left to right starting from a new
   * constant leaf 0, exactly like Python's {@code sum(values, Value(0.0))}.
   *
   * @throws NullPointerException if {@code values} or any element is null
   */
  public static Value sum(List<Value> values) {
    requireNonNull(values, "values");
    Value total = of(0.0);
    for (int i = 0; i < values.size(); i++) {
      Value v = values.get(i);
      if (v == null) {
        throw new NullPointerException("values[" + i + "] is null");
      }
      total = total.add(v);
    }
    return total;
  }

  /** Returns this node's number. */
  public double data() {
    return data;
  }

  /**
   * Returns the derivative of the last differentiated output with respect to this node, or
   * {@code 0} if none has reached it yet.
   */
  public double grad() {
    return grad;
  }

  /** Returns this node's label: the one given to {@link #of(double, String)}, else {@code ""}. */
  public String label() {
    return label;
  }

  /**
   * Returns the operation that made this node: {@code ""} for a leaf, otherwise {@code "+"},
   * {@code "-"}, {@code "*"}, {@code "/"}, {@code "neg"}, {@code "**2"} (power with a constant
   * exponent, written as the seed writes {@code x**2}; an integral exponent has no {@code .0}), {@code "**"} (power with a {@code Value} exponent), {@code
   * "exp"}, {@code "log"}, {@code "tanh"}, {@code "relu"} or {@code "sigmoid"}.
   */
  public String op() {
    return Op.of(op).label(this);
  }

  /** Returns the inputs of the operation that made this node, in order (empty for a leaf). */
  public List<Value> children() {
    if (left == null) {
      return List.of();
    }
    if (!Op.readsRight(op)) {
      return List.of(left);
    }
    return List.of(left, right);
  }

  /** Returns true if no operation made this node (a parameter, an input or a constant). */
  public boolean isLeaf() {
    return left == null;
  }

  /**
   * Replaces this node's number: the one way optimizers update a parameter. Nodes already built
   * from this one keep their old data; build the graph again (or replay a {@link CompiledGraph})
   * to see the change.
   */
  public void setData(double data) {
    this.data = data;
  }

  /**
   * Replaces this node's grad: for gradient utilities such as clipping, which rescale grads
   * between {@link #backward()} and an optimizer step.
   */
  public void setGrad(double grad) {
    this.grad = grad;
  }

  /** Sets this node's grad to {@code 0}, as the seed's {@code p.grad = 0.0} does. */
  public void zeroGrad() {
    this.grad = 0.0;
  }

  // ---------------------------------------------------------------------------------------------
  // Operations: forward value and local derivative side by side.
  // ---------------------------------------------------------------------------------------------

  /**
   * Returns {@code this + other}. Local derivatives: {@code d/dthis = 1}, {@code d/dother = 1}.
   *
   * @throws NullPointerException if {@code other} is null
   */
  public Value add(Value other) {
    requireNonNull(other, "other");
    return binary(Op.ADD, this, other);
  }

  /** Returns {@code this + c}, with {@code c} as a new constant leaf (as the seed does). */
  public Value add(double c) {
    return add(of(c));
  }

  /**
   * Returns {@code this - other}. Local derivatives: {@code d/dthis = 1}, {@code d/dother = -1}.
   * Bit for bit the seed's {@code self + (-other)}, in one node instead of three.
   *
   * @throws NullPointerException if {@code other} is null
   */
  public Value sub(Value other) {
    requireNonNull(other, "other");
    return binary(Op.SUB, this, other);
  }

  /** Returns {@code this - c}, with {@code c} as a new constant leaf. */
  public Value sub(double c) {
    return sub(of(c));
  }

  /**
   * Returns {@code this * other}. Local derivatives: {@code d/dthis = other}, {@code d/dother =
   * this}.
   *
   * @throws NullPointerException if {@code other} is null
   */
  public Value mul(Value other) {
    requireNonNull(other, "other");
    return binary(Op.MUL, this, other);
  }

  /** Returns {@code this * c}, with {@code c} as a new constant leaf (as the seed does). */
  public Value mul(double c) {
    return mul(of(c));
  }

  /**
   * Returns {@code this / other}. Local derivatives: {@code d/dthis = 1 / other}, {@code d/dother
   * = -this / other^2}; both are infinite or NaN where {@code other == 0}.
   *
   * @throws NullPointerException if {@code other} is null
   */
  public Value div(Value other) {
    requireNonNull(other, "other");
    return binary(Op.DIV, this, other);
  }

  /** Returns {@code this / c}, with {@code c} as a new constant leaf. */
  public Value div(double c) {
    return div(of(c));
  }

  /** Returns {@code -this}. Local derivative: {@code d/dthis = -1}. */
  public Value neg() {
    return unary(Op.NEG, this);
  }

  /**
   * Returns {@code this^exponent} for a constant exponent. Local derivative (power rule): {@code
   * d/dthis = exponent * this^(exponent - 1)}; NaN for a negative base with a non-integer
   * exponent, infinite at {@code this == 0} for exponents below 1.
   */
  public Value pow(double exponent) {
    if (exponent == 2.0) {
      // x * x is the correctly rounded square (what Math.pow(x, 2.0) returns on HotSpot).
      return unary(Op.SQUARE, this);
    }
    return withConstant(Op.POW_CONST, this, exponent);
  }

  /**
   * Returns {@code this^exponent} with a differentiable exponent. Local derivatives: {@code
   * d/dthis = exponent * this^(exponent - 1)}, {@code d/dexponent = ln(this) * this^exponent}.
   * The second is {@code 0} where the result is {@code 0} (the limit at a zero base) and NaN for a
   * negative base, where {@code ln} is undefined.
   *
   * @throws NullPointerException if {@code exponent} is null
   */
  public Value pow(Value exponent) {
    requireNonNull(exponent, "exponent");
    return binary(Op.POW, this, exponent);
  }

  /** Returns {@code e^this}. Local derivative: {@code d/dthis = e^this}. */
  public Value exp() {
    return unary(Op.EXP, this);
  }

  /**
   * Returns {@code ln(this)}: {@code -Infinity} at 0, NaN below. Local derivative: {@code d/dthis =
   * 1 / this}.
   */
  public Value log() {
    return unary(Op.LOG, this);
  }

  /** Returns {@code tanh(this)}. Local derivative: {@code d/dthis = 1 - tanh(this)^2}. */
  public Value tanh() {
    return unary(Op.TANH, this);
  }

  /**
   * Returns {@code max(0, this)} (NaN stays NaN). Local derivative: {@code d/dthis = 1} where the
   * result is positive, else {@code 0} (so {@code 0} at the kink, as in micrograd), NaN for NaN;
   * like micrograd it multiplies the upstream gradient, so a NaN or infinite upstream is not
   * silently dropped.
   */
  public Value relu() {
    return unary(Op.RELU, this);
  }

  /**
   * Returns {@code 1 / (1 + e^-this)}. Local derivative: {@code d/dthis = sigmoid(this) * (1 -
   * sigmoid(this))}.
   */
  public Value sigmoid() {
    return unary(Op.SIGMOID, this);
  }

  /**
   * Adds this node's local derivatives times its grad into its inputs' grads: one chain-rule step,
   * with the arithmetic of {@link Op}. The common ops are dispatched by a switch whose cases the
   * JIT inlines; any other op goes through the table's virtual methods.
   */
  void propagate() {
    double g = grad;
    Op o = Op.of(op);
    switch (o) {
      case ADD:
        left.grad += Op.ADD.leftGrad(left.data, right.data, data, g);
        right.grad += Op.ADD.rightGrad(left.data, right.data, data, g);
        break;
      case SUB:
        left.grad += Op.SUB.leftGrad(left.data, right.data, data, g);
        right.grad += Op.SUB.rightGrad(left.data, right.data, data, g);
        break;
      case MUL:
        left.grad += Op.MUL.leftGrad(left.data, right.data, data, g);
        right.grad += Op.MUL.rightGrad(left.data, right.data, data, g);
        break;
      case SQUARE:
        left.grad += Op.SQUARE.leftGrad(left.data, 0.0, data, g);
        break;
      case RELU:
        left.grad += Op.RELU.leftGrad(left.data, 0.0, data, g);
        break;
      case TANH:
        left.grad += Op.TANH.leftGrad(left.data, 0.0, data, g);
        break;
      default:
        double b = right == null ? 0.0 : right.data;
        left.grad += o.leftGrad(left.data, b, data, g);
        if (o.kind == Op.Kind.BINARY) {
          right.grad += o.rightGrad(left.data, b, data, g);
        }
        break;
    }
  }

  /**
   * Sets every grad reachable from this node to {@code 0}, this node's to {@code 1}, then
   * propagates gradients in reverse topological order, so that each reachable node ends with
   * {@code d(this)/d(node)} — the seed's {@code backward()}. Idempotent: calling it again yields
   * the same grads. Grads of nodes not reachable from this one are untouched.
   */
  public void backward() {
    Backprop.backward(this);
  }

  /**
   * Adds {@code d(this)/d(node)} into the grad of every node reachable from this one, keeping
   * what they held: after {@code a.backwardAccumulate(); b.backwardAccumulate();} from zero grads,
   * each node holds {@code d(a)/d(node) + d(b)/d(node)}. Intermediate nodes shared by several
   * outputs accumulate too, so the result does not depend on the order of the calls.
   */
  public void backwardAccumulate() {
    Backprop.accumulate(this);
  }

  /** Returns the seed's repr, {@code Value(data=15.0000, grad=0.0000)}. */
  @Override
  public String toString() {
    return "Value(data=" + PythonFormat.fixed(data, 4) + ", grad=" + PythonFormat.fixed(grad, 4) + ")";
  }
}
