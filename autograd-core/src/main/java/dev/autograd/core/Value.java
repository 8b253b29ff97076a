package dev.autograd.core;

import static com.google.common.base.Preconditions.checkNotNull;
import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

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
 * <h2>Changing a leaf: stale graphs</h2>
 *
 * Nodes are built from their inputs' data at the time, so after {@link #setData(double)} on a leaf
 * the nodes already built from it hold old values. Like PyTorch's version counters on saved
 * tensors, every {@code setData} gives the leaf a new version, and {@link #backward()} and {@link
 * #backwardAccumulate()} throw an {@link IllegalStateException} naming the leaf (label and data)
 * when they reach a node built from an older version of it, instead of mixing old and new data
 * into gradients that are right at neither point:
 *
 * <pre>{@code
 * Value x = Value.of(0.5, "x");
 * Value f = x.mul(x).tanh();
 * x.setData(2);
 * f.backward();   // IllegalStateException: stale graph: leaf "x" (data 2.0) was changed ...
 * }</pre>
 *
 * The training loop of the reference program — build the graph, {@code backward()}, {@code
 * setData} on the parameters, build the graph again — never meets the check, and a {@link
 * CompiledGraph} replay re-reads every leaf, so it may follow {@code setData}. Only leaves can be
 * changed: {@code setData} on a node made by an operation throws.
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
  // Operation codes. CompiledGraph replays the same codes from arrays.
  static final byte LEAF = 0;
  static final byte ADD = 1;
  static final byte SUB = 2;
  static final byte MUL = 3;
  static final byte DIV = 4;
  static final byte NEG = 5;
  static final byte POW_CONST = 6;
  static final byte POW = 7;
  static final byte EXP = 8;
  static final byte LOG = 9;
  static final byte TANH = 10;
  static final byte RELU = 11;
  static final byte SIGMOID = 12;

  /** The hidden exponent of every {@code pow(2.0)}. */
  private static final Value SQUARE_EXPONENT = new Value(2.0, LEAF, null, null, "");

  private static final String[] OP_NAMES = {
    "", "+", "-", "*", "/", "neg", "**", "**", "exp", "log", "tanh", "relu", "sigmoid"
  };

  double data;
  double grad;
  final byte op;
  /** First input, or {@code null} for a leaf. */
  final Value left;
  /** Second input; for {@code POW_CONST} a hidden constant holding the exponent. */
  final Value right;

  private final String label;
  /**
   * Longest path from a leaf: 0 for a leaf, else one more than the inputs' highest. Every node
   * made from this one has a higher level, so decreasing level is a reverse topological order.
   */
  final int level;
  /** Set while {@link Backprop} collects the graph; always false between calls. */
  boolean visited;
  /**
   * The version of this node's data. A leaf starts at 0 and takes a new value of {@link #VERSIONS}
   * at each {@link #setData}; a node made by an op takes its inputs' highest version. So an input
   * has a higher version than a node made from it exactly when the input was changed after the
   * node was built (see {@link #checkInputsUnchanged()}).
   */
  private long version;

  /**
   * Hands out leaf versions. Only {@link #setData} writes it (one atomic increment); building nodes
   * never reads it, so threads building independent graphs share nothing through it. Versions
   * only grow, so every new one is above every version any node holds.
   */
  private static final AtomicLong VERSIONS = new AtomicLong();

  private Value(double data, byte op, Value left, Value right, String label) {
    this.data = data;
    this.op = op;
    this.left = left;
    this.right = right;
    this.label = label;
    this.level =
        left == null ? 0 : 1 + (right == null ? left.level : Math.max(left.level, right.level));
    this.version =
        left == null ? 0 : right == null ? left.version : Math.max(left.version, right.version);
    if (AnomalyDetection.enabled) {
      AnomalyDetection.checkForward(this);
    }
  }

  private Value(double data, byte op, Value left, Value right) {
    this(data, op, left, right, "");
  }

  /** Returns a new leaf holding {@code data}, with an empty label. */
  public static Value of(double data) {
    return new Value(data, LEAF, null, null, "");
  }

  /**
   * Returns a new leaf holding {@code data} with a label, which graph displays such as {@link
   * DotGraph} show.
   *
   * @throws NullPointerException if {@code label} is null
   */
  public static Value of(double data, String label) {
    return new Value(data, LEAF, null, null, requireNonNull(label, "label"));
  }

  /**
   * Returns {@code 0 + values[0] + values[1] + ...}, added left to right starting from a new
   * constant leaf 0, exactly like Python's {@code sum(values, Value(0.0))}.
   *
   * @throws NullPointerException if {@code values} or any element is null
   */
  public static Value sum(List<Value> values) {
    checkNotNull(values, "values");
    Value total = of(0.0);
    for (int i = 0; i < values.size(); i++) {
      total = total.add(checkNotNull(values.get(i), "values[%s] is null", i));
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
    if (op == POW_CONST) {
      double e = right.data;
      boolean integral = e == Math.rint(e) && Math.abs(e) < 1e15;
      return "**" + (integral ? Long.toString((long) e) : PythonFormat.repr(e));
    }
    return OP_NAMES[op];
  }

  /** Returns the inputs of the operation that made this node, in order (empty for a leaf). */
  public List<Value> children() {
    if (left == null) {
      return List.of();
    }
    if (right == null || op == POW_CONST) {
      return List.of(left);
    }
    return List.of(left, right);
  }

  /** Returns true if no operation made this node (a parameter, an input or a constant). */
  public boolean isLeaf() {
    return op == LEAF;
  }

  /**
   * Replaces this leaf's number: the one way optimizers update a parameter. Nodes already built
   * from this leaf keep their old data; build the graph again (or replay a {@link CompiledGraph})
   * to see the change. The leaf gets a new version (even when {@code data} equals the old value),
   * so a later {@link #backward()} or {@link #backwardAccumulate()} through a node built before
   * this call throws {@link IllegalStateException} instead of mixing old and new data.
   *
   * @throws IllegalStateException if this node was made by an operation: its data follows from
   *     its inputs, and changing it would make every gradient through it wrong
   */
  public void setData(double data) {
    if (op != LEAF) {
      throw new IllegalStateException(
          "setData on a node made by '"
              + op()
              + "' (data "
              + this.data
              + "): only leaves can be changed; change a leaf and build the graph again");
    }
    this.data = data;
    this.version = VERSIONS.incrementAndGet();
  }

  /**
   * Returns a new leaf with this node's data and label, not connected to this node's graph:
   * gradients do not flow through it into this node's inputs, as with PyTorch's {@code
   * Tensor.detach()} (<a
   * href="https://pytorch.org/docs/stable/generated/torch.Tensor.detach.html">docs</a>). Unlike
   * PyTorch's, it shares no storage: {@link #setData(double)} on either node leaves the other
   * unchanged. Use it for a value that should act as a constant, such as a target computed by the
   * model itself.
   */
  public Value detach() {
    return new Value(data, LEAF, null, null, label);
  }

  /** Returns the version every leaf changed so far is at or below: see {@link #version}. */
  static long latestVersion() {
    return VERSIONS.get();
  }

  /** Returns true if this leaf was changed by {@link #setData} after {@code version} was current. */
  boolean changedSince(long version) {
    return this.version > version;
  }

  /**
   * Throws if an input of this node was changed by {@link #setData} after this node was built, so
   * that its local derivatives would read data it was not computed from.
   *
   * @throws IllegalStateException naming the changed leaf, its data and this node's op
   */
  void checkInputsUnchanged() {
    if (left.version > version) {
      throw staleInput(left);
    }
    if (right != null && right.version > version) {
      throw staleInput(right);
    }
  }

  /** Returns true unless an input of this node was changed by {@link #setData} after it was built. */
  boolean inputsUnchanged() {
    return left.version <= version && (right == null || right.version <= version);
  }

  private IllegalStateException staleInput(Value input) {
    return stale(input, "the '" + op() + "' node built from it");
  }

  /**
   * Returns the exception for a backward pass that reaches {@code leaf} through {@code user}, a
   * node (or a {@link CompiledGraph} forward pass) that read the leaf before its last change.
   */
  static IllegalStateException stale(Value leaf, String user) {
    return new IllegalStateException(
        "stale graph: leaf \""
            + leaf.label
            + "\" (data "
            + leaf.data
            + ") was changed by setData after "
            + user
            + "; build the graph again after changing a leaf (or replay it with CompiledGraph,"
            + " which re-reads every leaf)");
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
    return new Value(data + other.data, ADD, this, other);
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
    return new Value(data - other.data, SUB, this, other);
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
    return new Value(data * other.data, MUL, this, other);
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
    return new Value(data / other.data, DIV, this, other);
  }

  /** Returns {@code this / c}, with {@code c} as a new constant leaf. */
  public Value div(double c) {
    return div(of(c));
  }

  /** Returns {@code -this}. Local derivative: {@code d/dthis = -1}. */
  public Value neg() {
    return new Value(-data, NEG, this, null);
  }

  /**
   * Returns {@code this^exponent} for a constant exponent. Local derivative (power rule): {@code
   * d/dthis = exponent * this^(exponent - 1)}; NaN for a negative base with a non-integer
   * exponent, infinite at {@code this == 0} for exponents below 1.
   */
  public Value pow(double exponent) {
    if (exponent == 2.0) {
      // x * x is the correctly rounded square (what Math.pow(x, 2.0) returns on HotSpot), and
      // the hidden exponent leaf is never mutated or traversed, so squares share one.
      return new Value(data * data, POW_CONST, this, SQUARE_EXPONENT);
    }
    return new Value(Math.pow(data, exponent), POW_CONST, this, of(exponent));
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
    return new Value(Math.pow(data, exponent.data), POW, this, exponent);
  }

  /** Returns {@code e^this}. Local derivative: {@code d/dthis = e^this}. */
  public Value exp() {
    return new Value(Math.exp(data), EXP, this, null);
  }

  /**
   * Returns {@code ln(this)}: {@code -Infinity} at 0, NaN below. Local derivative: {@code d/dthis =
   * 1 / this}.
   */
  public Value log() {
    return new Value(Math.log(data), LOG, this, null);
  }

  /** Returns {@code tanh(this)}. Local derivative: {@code d/dthis = 1 - tanh(this)^2}. */
  public Value tanh() {
    return new Value(Math.tanh(data), TANH, this, null);
  }

  /**
   * Returns {@code max(0, this)} (NaN stays NaN). Local derivative: {@code d/dthis = 1} where the
   * result is positive, else {@code 0} (so {@code 0} at the kink, as in micrograd), NaN for NaN;
   * like micrograd it multiplies the upstream gradient, so a NaN or infinite upstream is not
   * silently dropped.
   */
  public Value relu() {
    return new Value(data < 0 ? 0.0 : data, RELU, this, null);
  }

  /**
   * Returns {@code 1 / (1 + e^-this)}. Local derivative: {@code d/dthis = sigmoid(this) * (1 -
   * sigmoid(this))}.
   */
  public Value sigmoid() {
    return new Value(1.0 / (1.0 + Math.exp(-data)), SIGMOID, this, null);
  }

  /**
   * Adds this node's local derivatives times its grad into its inputs' grads: one chain-rule step.
   * Kept next to the forward definitions above so each op reads as forward + derivative.
   */
  void propagate() {
    double g = grad;
    switch (op) {
      case ADD:
        left.grad += g;
        right.grad += g;
        break;
      case SUB:
        left.grad += g;
        right.grad -= g;
        break;
      case MUL:
        left.grad += right.data * g;
        right.grad += left.data * g;
        break;
      case DIV:
        left.grad += g / right.data;
        right.grad -= g * left.data / (right.data * right.data);
        break;
      case NEG:
        left.grad -= g;
        break;
      case POW_CONST:
        left.grad += powBaseSlope(left.data, right.data) * g;
        break;
      case POW:
        left.grad += powBaseSlope(left.data, right.data) * g;
        right.grad += powExponentSlope(left.data, data) * g;
        break;
      case EXP:
        left.grad += data * g;
        break;
      case LOG:
        left.grad += g / left.data;
        break;
      case TANH:
        left.grad += (1 - data * data) * g;
        break;
      case RELU:
        left.grad += reluSlope(data) * g;
        break;
      case SIGMOID:
        left.grad += data * (1 - data) * g;
        break;
      default: // LEAF
        break;
    }
  }

  /** Returns relu's local derivative from its output: 1 above 0, 0 at or below, NaN for NaN. */
  static double reluSlope(double out) {
    return out > 0 ? 1.0 : (Double.isNaN(out) ? Double.NaN : 0.0);
  }

  /**
   * Returns {@code d(base^e)/dbase = e * base^(e - 1)}; for {@code e = 2} computed as {@code 2 *
   * base}, which is the same number ({@code Math.pow(x, 1.0)} is {@code x}) without a pow call.
   */
  static double powBaseSlope(double base, double e) {
    return e == 2.0 ? 2.0 * base : e * Math.pow(base, e - 1);
  }

  /** Returns {@code d(base^e)/de = ln(base) * base^e}, taking its limit 0 where the result is 0. */
  static double powExponentSlope(double base, double result) {
    return result == 0.0 ? 0.0 : Math.log(base) * result;
  }

  /**
   * Sets every grad reachable from this node to {@code 0}, this node's to {@code 1}, then
   * propagates gradients in reverse topological order, so that each reachable node ends with
   * {@code d(this)/d(node)} — the seed's {@code backward()}. Idempotent: calling it again yields
   * the same grads. Grads of nodes not reachable from this one are untouched.
   *
   * @throws IllegalStateException if a leaf of this graph was changed by {@link #setData} after a
   *     node built from it (see "Changing a leaf" above); the grads of reachable nodes are then
   *     partly reset and must not be used
   */
  public void backward() {
    Backprop.backward(this);
  }

  /**
   * Adds {@code d(this)/d(node)} into the grad of every node reachable from this one, keeping
   * what they held: after {@code a.backwardAccumulate(); b.backwardAccumulate();} from zero grads,
   * each node holds {@code d(a)/d(node) + d(b)/d(node)}. Intermediate nodes shared by several
   * outputs accumulate too, so the result does not depend on the order of the calls.
   *
   * @throws IllegalStateException if a leaf of this graph was changed by {@link #setData} after a
   *     node built from it (see "Changing a leaf" above); checked before any grad changes, so
   *     every grad keeps what it held
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
