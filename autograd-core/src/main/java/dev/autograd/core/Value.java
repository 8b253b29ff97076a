package dev.autograd.core;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ConcurrentModificationException;
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
 *   <li>{@link #backward()} is the reference program's {@code backward}: every node reachable from this one
 *       (this node included) has its {@code grad} set to {@code 0}, this node's to {@code 1}, then
 *       gradients flow in reverse topological order. Afterwards each reachable node holds {@code
 *       d(this)/d(node)}. Calling it again gives the same grads: it is idempotent.
 *   <li>{@link #backwardAccumulate()} adds {@code d(this)/d(node)} into the grad each reachable
 *       node already holds, for summing the gradients of several outputs.
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
 * is {@code NaN}; overflow gives {@code ±Infinity}; {@code NaN} propagates through every op.
 *
 * <p><b>Special points of derivatives.</b> Where the mathematical limit of the derivative exists
 * (one-sided at the edge of a domain, as {@code sqrt} at 0), the local derivative is that limit;
 * where it does not (kinks, ties, NaN inputs, {@code pow(0, 0)}), it is the value PyTorch's
 * autograd returns. A local derivative that is exactly {@code 0} there (relu below its kink,
 * {@code abs} at 0, the losing input of {@code max}/{@code min}, {@code pow} with exponent 0) is a
 * select: the input's grad gets {@code 0} even when the upstream grad is infinite or NaN. Each op
 * documents its special points; derivatives are computed so that no intermediate term overflows
 * or cancels where the derivative itself is representable (see {@link #div(Value)}, {@link
 * #sigmoid()}, {@link #tanh()}).
 * {@link AnomalyDetection} makes creation and backpropagation throw at the first NaN or infinity
 * instead, naming the op, its inputs and the node's label.
 *
 * <h2>Identity and threads</h2>
 *
 * A {@code Value} is a graph node: two nodes holding the same number are still different nodes,
 * so {@code equals} and {@code hashCode} are identity-based. A graph is not thread-safe and must
 * not be shared between threads: build and differentiate each graph on one thread at a time (a
 * backward pass writes every reachable node's grad and search flag, a link to the next waiting
 * node into each interior node while it waits, and a mark on each {@link #vector} its dot nodes
 * read; two passes over shared nodes at once can therefore give wrong grads, or visit the other
 * pass's nodes). Independent graphs — sharing no node, leaves included, and so no
 * vector — may be built and differentiated on different threads at once, and
 * give bit for bit the results they give on one thread.
 */
public sealed class Value permits DotValue {
  double data;
  double grad;
  final byte op;
  /** First input, or {@code null} for a leaf. */
  final Value left;
  /** Second input; for an op of kind {@link Op.Kind#UNARY_CONSTANT} a hidden constant leaf. */
  final Value right;

  /**
   * A leaf's label (a {@code String}, see {@link #label()}). A node made by an op has no label, so
   * the field serves {@link Backprop}'s queue instead: null, except while the node waits in a
   * backward sweep's queue, where it holds the next node waiting at the same level (the queue
   * then needs no arrays of its own, and a node stays 56 bytes).
   */
  Object labelOrNext;
  /**
   * Longest path from a leaf: 0 for a leaf, else one more than the inputs' highest. Every node
   * made from this one has a higher level, so decreasing level is a reverse topological order.
   */
  final int level;
  /** Set while {@link Backprop} collects the graph; always false between calls. */
  boolean visited;
  /**
   * The version of this node's data. A leaf starts at 0 and takes a new value of {@link #VERSIONS}
   * at each {@link #setData}; a node made by an op takes its inputs' highest version, or (a dot
   * node, which would otherwise read one per factor) the latest version handed out, which is at
   * least that and below every later one. So an input
   * has a higher version than a node made from it exactly when the input was changed after the
   * node was built (see {@link #checkInputsUnchanged()}).
   */
  private long version;

  /**
   * Hands out leaf versions. Only {@link #setData} writes it (one atomic increment); building a
   * dot node reads it (a plain read while no leaf changes, so threads building independent graphs
   * only share a cache line that stays unchanged between optimizer steps). Versions only grow, so
   * every new one is above every version any node holds.
   */
  private static final AtomicLong VERSIONS = new AtomicLong();

  private Value(double data, Op op, Value left, Value right, String label) {
    this.data = data;
    this.op = op.code();
    this.left = left;
    this.right = right;
    this.labelOrNext = left == null ? label : null;
    this.level =
        left == null ? 0 : 1 + (right == null ? left.level : Math.max(left.level, right.level));
    this.version =
        left == null ? 0 : right == null ? left.version : Math.max(left.version, right.version);
    if (AnomalyDetection.enabled) {
      AnomalyDetection.checkForward(this);
    }
  }

  /** A node of {@link Op#DOT} ({@link DotValue}): {@code start} in {@code left}, no {@code right}. */
  Value(double data, Value start, int level, long version) {
    this.data = data;
    this.op = Op.DOT_CODE;
    this.left = start;
    this.right = null;
    this.level = level;
    this.version = version;
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
    return new Value(data, Op.LEAF, null, null, checkNotNull(label, "label"));
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

  /**
   * Returns {@code start + a[0]*b[0] + a[1]*b[1] + ... + a[n-1]*b[n-1]} as one node: the same
   * number, bit for bit, as the chain {@code start.add(a[0].mul(b[0])).add(a[1].mul(b[1]))...} (each
   * product rounded, then added to the running sum left to right; no fused multiply-add), and the
   * same derivatives, in {@code 1} node instead of {@code 2n}. It is the sum of PyTorch's {@code
   * torch.dot} (<a href="https://pytorch.org/docs/stable/generated/torch.dot.html">docs</a>) added
   * to {@code start}, as one row of {@code torch.addmv}, in a fixed order; a neuron's {@code b + w
   * . x} is {@code dot(b, w, x)}. {@link #op()} is {@code "dot"} and {@link #children()} lists
   * {@code start, a[0], b[0], a[1], b[1], ...}. With {@code n = 0} it returns {@code start} itself,
   * as Python's {@code sum([], start)} does. The node keeps a {@link #vector} given as {@code a} or
   * {@code b} as it is and a copy of any other list, so that later changes to the list do not
   * change the node.
   *
   * <p>Local derivatives: {@code d/dstart = 1}, {@code d/da[i] = b[i]}, {@code d/db[i] = a[i]}
   * (a node given twice, as {@code dot(s, List.of(x), List.of(x))}, receives both). {@link
   * #backward()} adds them times the upstream grad {@code G} in the order the chain's nodes do
   * when propagated one after another as {@code backward()} takes a chain over leaves (its sums
   * from the top, then its products from the first): {@code start} first, then {@code a[0]},
   * {@code b[0]}, {@code a[1]}, ...; the products' upstream grad is {@code 0.0 + G}, as in the
   * chain, whose inner nodes start from grad 0 ({@code start} gets {@code G} itself when {@code n
   * = 1}). {@link CompiledGraph} records the node as that chain, in that order, so its replay,
   * {@link BatchedReplay} and generated replays need no arithmetic of their own for it and equal
   * {@code backward()} bit for bit. Within a larger graph the chain would make these additions at
   * the levels of its own nodes, interleaved with other nodes' additions into the same inputs
   * (a hidden unit read by every neuron of the next layer); this node makes them all at its own
   * place. Floating-point addition not being associative, the grad of an input that also feeds
   * other nodes, and the grads of the nodes it is made from, then equal the unfused graph's to
   * rounding, not necessarily bit for bit (the value and the replays' agreement with {@code
   * backward()} stay exact).
   *
   * <p>Non-finite values follow IEEE 754 as in the chain: a NaN input or an infinite product makes
   * the sum NaN or infinite ({@code Infinity - Infinity} is NaN); {@link AnomalyDetection} checks
   * the node's own result, which is non-finite exactly when some partial sum of the chain is.
   *
   * @throws NullPointerException if {@code start}, {@code a}, {@code b} or any element is null
   * @throws IllegalArgumentException if {@code a} and {@code b} differ in length (the message
   *     names both lengths)
   */
  public static Value dot(Value start, List<Value> a, List<Value> b) {
    return dot(start, a, b, false);
  }

  /**
   * Returns {@code relu(start + a[0]*b[0] + ... + a[n-1]*b[n-1])} as one node: the value of {@code
   * Value.dot(start, a, b).relu()} bit for bit (the sum as {@link #dot} computes it, then {@link
   * #relu()}'s {@code max(0, sum)}, {@code -0.0} and NaN kept), in {@code 1} node instead of
   * {@code 2}. It is one row of PyTorch's {@code torch.relu(torch.addmv(start, A, x))} (<a
   * href="https://pytorch.org/docs/stable/generated/torch.addmv.html">addmv</a>, <a
   * href="https://pytorch.org/docs/stable/generated/torch.nn.functional.relu.html">relu</a>), in a
   * fixed order: a relu neuron's {@code relu(b + w . x)} is {@code dotRelu(b, w, x)}. {@link #op()}
   * is {@code "relu(dot)"} and {@link #children()} lists {@code start, a[0], b[0], a[1], b[1],
   * ...}, as {@link #dot}'s. With {@code n = 0} it returns {@code start.relu()} (as {@code dot}
   * returns {@code start}). Lists are kept or copied as by {@link #dot}.
   *
   * <p>Local derivatives: with {@code s} the sum, {@code d/ds = 1} where the result is positive
   * or NaN and {@code 0} at or below 0 ({@link #relu()}'s, the kink {@code s = 0} included, as
   * PyTorch's {@code threshold_backward}: a select, so the inputs get {@code 0} even for an
   * infinite or NaN upstream grad), then {@code d/dstart = d/ds}, {@code d/da[i] = b[i] d/ds},
   * {@code d/db[i] = a[i] d/ds}. {@link #backward()} computes the sum's grad as the relu node of
   * the unfused pair would send it to its dot node ({@code 0.0 + relu'(s) G} for upstream grad
   * {@code G}) and at once adds the dot's contributions from it, as {@link #dot} does for its own
   * grad: {@code start} first, then {@code a[0]}, {@code b[0]}, {@code a[1]}, .... The unfused
   * pair would make those additions one level lower, after the other nodes of the relu's level;
   * this node makes them at its own place, so the grad of an input that also feeds other nodes
   * (a hidden unit read by every neuron of the next layer) and of the nodes it is made from
   * equals the unfused graph's to rounding, not necessarily bit for bit; where no input is shared
   * it is exact. {@link CompiledGraph} records the node as the relu over {@link #dot}'s chain, in
   * the order {@code backward()} adds, so its replay, {@link BatchedReplay} and generated replays
   * equal {@code backward()} bit for bit; {@link Gradients} differentiates it as that pair.
   *
   * <p>Non-finite values follow IEEE 754 as in the pair: a NaN sum gives NaN, {@code Infinity}
   * gives {@code Infinity}, {@code -Infinity} gives {@code 0}. {@link AnomalyDetection} checks the
   * sum as well as the result (as it would check the unfused dot node), and names the node's op
   * and its pre-activation sum.
   *
   * @throws NullPointerException if {@code start}, {@code a}, {@code b} or any element is null
   * @throws IllegalArgumentException if {@code a} and {@code b} differ in length (the message
   *     names both lengths)
   */
  public static Value dotRelu(Value start, List<Value> a, List<Value> b) {
    return dot(start, a, b, true);
  }

  /** {@link #dot} or, if {@code relu}, {@link #dotRelu}: the same checks and the same sum. */
  private static Value dot(Value start, List<Value> a, List<Value> b, boolean relu) {
    checkNotNull(start, "start");
    checkNotNull(a, "a");
    checkNotNull(b, "b");
    int n = a.size();
    checkArgument(n == b.size(), "dot needs vectors of equal length, got %s and %s", n, b.size());
    if (n == 0) {
      return relu ? start.relu() : start;
    }
    Value[] as = elements(a, n);
    Value[] bs = elements(b, n);
    double sum = start.data;
    for (int i = 0; i < n; i++) {
      Value ai = as[i];
      Value bi = bs[i];
      if (ai == null || bi == null) {
        throw new NullPointerException((ai == null ? "a[" : "b[") + i + "] is null");
      }
      sum = DotValue.plusTerm(sum, ai.data, bi.data);
    }
    ValueVector av = a instanceof ValueVector ? (ValueVector) a : new ValueVector(as);
    ValueVector bv = b instanceof ValueVector ? (ValueVector) b : new ValueVector(bs);
    int level = DotValue.level(start, av, bv);
    long version = VERSIONS.get();
    // The fused node is one level above its dot, where the relu node would be.
    DotValue node = relu
        ? new ReluDotValue(sum, start, av, bv, level + 1, version)
        : new DotValue(sum, start, av, bv, level, version);
    // Checked once built, so that a fused node's pre-activation sum is set when it is checked.
    if (AnomalyDetection.enabled) {
      AnomalyDetection.checkForward(node);
    }
    return node;
  }

  /**
   * Returns the elements of {@code values}, a list of {@code n} elements: a {@link #vector}'s
   * own array, else a copy (its elements not yet checked for null).
   */
  private static Value[] elements(List<Value> values, int n) {
    if (values instanceof ValueVector) {
      return ((ValueVector) values).elements;
    }
    Value[] copy = values.toArray(new Value[n]);
    if (copy.length != n) { // the list changed size while being read
      throw new ConcurrentModificationException(
          "dot read " + copy.length + " elements from a list of " + n);
    }
    return copy;
  }

  /**
   * Returns an unmodifiable list holding {@code values} in order, which {@link #dot} keeps as it is
   * instead of copying it: the dot nodes of a layer's neurons, made from one input vector, then
   * share one copy of it, and a neuron's weights need none. Changes to {@code values} made later
   * do not show in the returned list. A list this method returned is returned as it is.
   *
   * @throws NullPointerException if {@code values} or any element is null (the message names its
   *     index)
   */
  public static List<Value> vector(List<Value> values) {
    checkNotNull(values, "values");
    if (values instanceof ValueVector) {
      return values;
    }
    Value[] elements = values.toArray(new Value[0]);
    for (int i = 0; i < elements.length; i++) {
      if (elements[i] == null) {
        throw new NullPointerException("values[" + i + "] is null");
      }
    }
    return new ValueVector(elements);
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
    return left == null ? (String) labelOrNext : "";
  }

  /**
   * Returns the operation that made this node: {@code ""} for a leaf, otherwise {@code "+"},
   * {@code "-"}, {@code "*"}, {@code "/"}, {@code "neg"}, {@code "**2"} (power with a constant
   * exponent, written as the reference program writes {@code x**2}; an integral exponent has no {@code .0}),
   * {@code "**"} (power with a {@code Value} exponent), {@code "exp"}, {@code "log"}, {@code
   * "tanh"}, {@code "relu"}, {@code "sigmoid"}, {@code "abs"}, {@code "sqrt"}, {@code "sin"},
   * {@code "cos"}, {@code "max"}, {@code "min"}, {@code "leakyRelu(0.01)"} (with its slope),
   * {@code "softplus"}, {@code "stopGradient"}, {@code "dot"} ({@link #dot}) or {@code
   * "relu(dot)"} ({@link #dotRelu}).
   */
  public String op() {
    return Op.of(op).label(this);
  }

  /**
   * Returns the inputs of the operation that made this node, in order (empty for a leaf; for
   * {@link #dot} and {@link #dotRelu} {@code start, a[0], b[0], a[1], b[1], ...}, a node given
   * twice listed twice).
   */
  public List<Value> children() {
    if (left == null) {
      return List.of();
    }
    if (op == Op.DOT_CODE) {
      return ((DotValue) this).inputs();
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
   * Replaces this leaf's number: the one way optimizers update a parameter. Nodes already built
   * from this leaf keep their old data; build the graph again (or replay a {@link CompiledGraph})
   * to see the change. The leaf gets a new version (even when {@code data} equals the old value),
   * so a later {@link #backward()} or {@link #backwardAccumulate()} through a node built before
   * this call throws {@link IllegalStateException} instead of mixing old and new data.
   *
   * <p>Any {@code double} is stored, NaN and {@code ±Infinity} included, as a PyTorch tensor
   * holds them; the ops built on it then follow IEEE 754 (see the class documentation). This call
   * is not checked by {@link AnomalyDetection}: while it is on, the next operation built on a
   * non-finite leaf throws instead.
   *
   * @throws IllegalStateException if this node was made by an operation: its data follows from
   *     its inputs, and changing it would make every gradient through it wrong
   */
  public void setData(double data) {
    if (left != null) {
      throw setDataOnNode("");
    }
    this.data = data;
    this.version = VERSIONS.incrementAndGet();
  }

  /**
   * Returns the exception for {@code setData} on this node, made by an op; {@code where} names it
   * first when it is one of several ({@code "leaves[3], "}), else is empty.
   */
  private IllegalStateException setDataOnNode(String where) {
    return new IllegalStateException("setData on " + where + "a node made by '" + op() + "' (data "
        + data + "): only leaves can be changed; change a leaf and build the graph again");
  }

  /**
   * Replaces the numbers of several leaves at once: {@code leaves[i].setData(data[i])} for {@code i
   * = 0 .. n - 1} in order ({@code n = leaves.length}; a leaf given twice keeps its last number),
   * except that all of them take one new version instead of one each. The stale-graph check
   * compares a leaf's version with the versions of the nodes built from it, so one version per
   * update detects every case that one per leaf does. Optimizers update every parameter with one
   * call per step: {@link #setData(double)} takes a new version with an atomic increment, and an
   * SGD step over the digits model's 2,410 parameters took 14.9 µs with one {@code setData} per
   * parameter against 3.0 µs with this call ({@code OptimizerStepBenchmark}, 2026-11-30), a
   * serial part of every minibatch that the threads of a replay cannot share.
   *
   * <p>Every element is checked before any is changed: after an exception no leaf has changed.
   * Non-finite numbers are stored as given, as by {@link #setData(double)}.
   *
   * @throws NullPointerException if {@code leaves}, {@code data} or an element of {@code leaves}
   *     is null (the message names its index)
   * @throws IllegalArgumentException if {@code data} holds fewer or more numbers than {@code
   *     leaves} has elements (the message gives both lengths)
   * @throws IllegalStateException if an element of {@code leaves} was made by an operation (the
   *     message names its index, op and data)
   */
  public static void setData(Value[] leaves, double[] data) {
    checkNotNull(leaves, "leaves");
    checkNotNull(data, "data");
    checkArgument(leaves.length == data.length,
        "setData needs one number per leaf, got %s leaves and %s numbers", leaves.length,
        data.length);
    for (int i = 0; i < leaves.length; i++) {
      Value leaf = leaves[i];
      if (leaf == null) {
        throw new NullPointerException("leaves[" + i + "] is null");
      }
      if (leaf.left != null) {
        throw leaf.setDataOnNode("leaves[" + i + "], ");
      }
    }
    if (leaves.length == 0) {
      return;
    }
    long version = VERSIONS.incrementAndGet();
    for (int i = 0; i < leaves.length; i++) {
      leaves[i].data = data[i];
      leaves[i].version = version;
    }
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
    return new Value(data, Op.LEAF, null, null, label());
  }

  /** Returns this node's version: see {@link #version}. */
  long version() {
    return version;
  }

  /** Returns the version every leaf changed so far is at or below: see {@link #version}. */
  static long latestVersion() {
    return VERSIONS.get();
  }

  /**
   * Returns true if this leaf was changed by {@link #setData} after {@code version} was current.
   */
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
    Value changed = changedInput();
    if (changed != null) {
      throw staleInput(changed);
    }
  }

  /** Returns true unless an input of this node was changed by {@link #setData} after it was built. */
  boolean inputsUnchanged() {
    return changedInput() == null;
  }

  /**
   * Returns the first input (left, right, then a dot node's factors in order) changed by {@link
   * #setData} after this node was built, or null if none was.
   */
  private Value changedInput() {
    if (left.version > version) {
      return left;
    }
    if (right != null && right.version > version) {
      return right;
    }
    if (op == Op.DOT_CODE) {
      DotValue dot = (DotValue) this;
      for (int i = 0; i < 2 * dot.terms(); i++) {
        Value f = dot.factor(i);
        if (f.version > version) {
          return f;
        }
      }
    }
    return null;
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
            + leaf.label()
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

  /** Sets this node's grad to {@code 0}, as the reference program's {@code p.grad = 0.0} does. */
  public void zeroGrad() {
    this.grad = 0.0;
  }

  // ---------------------------------------------------------------------------------------------
  // Operations: each javadoc states the op's local derivative; the arithmetic of both, forward
  // and derivative side by side, is the op's entry in Op's table.
  // ---------------------------------------------------------------------------------------------

  /**
   * Returns {@code this + other}. Local derivatives: {@code d/dthis = 1}, {@code d/dother = 1}.
   *
   * @throws NullPointerException if {@code other} is null
   */
  public Value add(Value other) {
    checkNotNull(other, "other");
    return binary(Op.ADD, this, other);
  }

  /** Returns {@code this + c}, with {@code c} as a new constant leaf (as the reference program does). */
  public Value add(double c) {
    return add(of(c));
  }

  /**
   * Returns {@code this - other}. Local derivatives: {@code d/dthis = 1}, {@code d/dother = -1}.
   * Bit for bit the reference program's {@code self + (-other)}, in one node instead of three.
   *
   * @throws NullPointerException if {@code other} is null
   */
  public Value sub(Value other) {
    checkNotNull(other, "other");
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
    checkNotNull(other, "other");
    return binary(Op.MUL, this, other);
  }

  /** Returns {@code this * c}, with {@code c} as a new constant leaf (as the reference program does). */
  public Value mul(double c) {
    return mul(of(c));
  }

  /**
   * Returns {@code this / other}. Local derivatives: {@code d/dthis = 1 / other}, {@code d/dother
   * = -(this / other) / other}, computed in that order so that {@code other * other} cannot
   * overflow or underflow ({@code div(1e200, 1e200)} gives {@code d/dother = -1e-200}, {@code
   * div(3, 1e160)} gives {@code -3e-320}, as PyTorch). Where {@code other == 0} both follow IEEE
   * arithmetic ({@code ±Infinity}, or NaN for {@code 0 / 0}).
   *
   * @throws NullPointerException if {@code other} is null
   */
  public Value div(Value other) {
    checkNotNull(other, "other");
    return binary(Op.DIV, this, other);
  }

  /** Returns {@code this / c}, with {@code c} as a new constant leaf. */
  public Value div(double c) {
    return div(of(c));
  }

  /**
   * Returns {@code c - this}, the constant on the left ({@code x.rsub(1)} is {@code 1 - x}; the
   * name is Python's {@code __rsub__}, which micrograd defines for the same purpose). The constant
   * becomes a new leaf, the node's first input; the node is a {@link #sub(Value)}, so {@code
   * d/dthis = -1}.
   */
  public Value rsub(double c) {
    return of(c).sub(this);
  }

  /**
   * Returns {@code c / this}, the constant on the left ({@code x.rdiv(2)} is {@code 2 / x};
   * Python's {@code __rtruediv__}). The constant becomes a new leaf, the node's first input; the
   * node is a {@link #div(Value)}, so {@code d/dthis = -(c / this) / this}.
   */
  public Value rdiv(double c) {
    return of(c).div(this);
  }

  /** Returns {@code -this}. Local derivative: {@code d/dthis = -1}. */
  public Value neg() {
    return unary(Op.NEG, this);
  }

  /**
   * Returns {@code this^exponent} for a constant exponent, as IEEE 754 {@code pow} (and PyTorch)
   * define it: like {@link Math#pow} except that {@code pow(1, y)} is {@code 1} for every {@code
   * y} (NaN and {@code ±Infinity} included) and {@code pow(-1, ±Infinity)} is {@code 1}, where
   * {@code Math.pow} returns NaN. Local derivative (power rule): {@code d/dthis = exponent *
   * this^(exponent - 1)}, with PyTorch's conventions:
   *
   * <ul>
   *   <li>exactly {@code 0} for {@code exponent == 0}, whatever the base (zero and NaN included):
   *       {@code this^0 = 1} is constant;
   *   <li>{@code +Infinity} at {@code this == 0} for {@code 0 < exponent < 1} (the limit from the
   *       right), {@code ±Infinity} there for negative exponents;
   *   <li>NaN for a negative base with a non-integer exponent (the power is not real);
   *   <li>at base {@code ±1} with an infinite exponent {@code ±Infinity} ({@code exponent *
   *       1}); with a NaN exponent NaN.
   * </ul>
   *
   * {@code pow(2.0)} is computed as {@code this * this}, the correctly rounded square.
   */
  public Value pow(double exponent) {
    if (exponent == 2.0) {
      return unary(Op.SQUARE, this);
    }
    return withConstant(Op.POW_CONST, this, exponent);
  }

  /**
   * Returns {@code this^exponent} with a differentiable exponent; the value as {@link
   * #pow(double)}. Local derivatives: {@code d/dthis} as {@link #pow(double)} (exactly {@code 0}
   * where {@code exponent == 0}), and {@code d/dexponent = this^exponent * ln(this)}, which is:
   *
   * <ul>
   *   <li>exactly {@code 0} at a zero base with {@code exponent >= 0} (PyTorch's mask; the limit
   *       for {@code exponent > 0}; {@code pow(0, 0)} included), and where a positive base gives
   *       a zero result ({@code this^exponent} underflowed, or {@code Infinity^-y}: the power is
   *       flat in the exponent there);
   *   <li>{@code 0} at base {@code 1} (any exponent, {@code ln 1 = 0});
   *   <li>NaN for a negative base ({@code ln} is undefined), {@code pow(-1, ±Infinity)} and a NaN
   *       base with exponent 0 included, as PyTorch.
   * </ul>
   *
   * @throws NullPointerException if {@code exponent} is null
   */
  public Value pow(Value exponent) {
    checkNotNull(exponent, "exponent");
    return binary(Op.POW, this, exponent);
  }

  /**
   * Returns {@code e^this}. Local derivative: {@code d/dthis = e^this} ({@code 0} at {@code
   * -Infinity}, {@code Infinity} where the result overflows).
   */
  public Value exp() {
    return unary(Op.EXP, this);
  }

  /**
   * Returns {@code ln(this)}: {@code -Infinity} at {@code ±0}, NaN below. Local derivative:
   * {@code d/dthis = 1 / this} ({@code Infinity} at {@code 0}, {@code -Infinity} at {@code -0.0},
   * {@code 0} at {@code Infinity}, as PyTorch).
   */
  public Value log() {
    return unary(Op.LOG, this);
  }

  /**
   * Returns {@code tanh(this)}. Local derivative: {@code d/dthis = 1 - tanh(this)^2 =
   * sech(this)^2}, computed as {@code 1 - tanh^2} for {@code |this| < 1} and as {@code 4e / (1 +
   * e)^2} with {@code e = exp(-2|this|)} beyond, so that it keeps its true small value where
   * {@code tanh} rounds to {@code ±1} (about {@code 1.7e-17} at 20, where {@code 1 - tanh^2} and
   * PyTorch give {@code 0}); {@code 0} at {@code ±Infinity}.
   */
  public Value tanh() {
    return unary(Op.TANH, this);
  }

  /**
   * Returns {@code max(0, this)} ({@code -0.0} and NaN stay as they are). Local derivative:
   * {@code d/dthis = 1} where the result is positive or NaN, {@code 0} at or below 0 (the kink
   * takes {@code 0}, as micrograd and PyTorch). It is a select, as PyTorch's {@code
   * threshold_backward}: below the kink the input's grad gets {@code 0} even if the upstream grad
   * is infinite or NaN; a NaN result passes the upstream grad.
   */
  public Value relu() {
    return unary(Op.RELU, this);
  }

  /**
   * Returns {@code 1 / (1 + e^-this)}. Local derivative: {@code d/dthis = sigmoid(this) * (1 -
   * sigmoid(this))}, computed as {@code e / (1 + e)^2} with {@code e = exp(-|this|)} so that it
   * keeps its true small value where the sigmoid rounds to 1 ({@code 4.248e-18} at 40, where
   * {@code s (1 - s)} and PyTorch give {@code 0}); {@code 0} at {@code ±Infinity}.
   */
  public Value sigmoid() {
    return unary(Op.SIGMOID, this);
  }

  /**
   * Returns {@code |this|}. Local derivative: {@code d/dthis = sign(this)}: {@code 1} above 0,
   * {@code -1} below, and at the kink ({@code ±0}) exactly {@code 0} — PyTorch's {@code
   * sgn(0) = 0}; the input's grad then gets {@code 0} whatever the upstream grad. NaN has
   * derivative {@code 0}, as PyTorch's {@code sgn(NaN) = 0}.
   */
  public Value abs() {
    return unary(Op.ABS, this);
  }

  /**
   * Returns {@code sqrt(this)} ({@code -0.0} at {@code -0.0}, NaN below 0). Local derivative:
   * {@code d/dthis = 1 / (2 sqrt(this))}: {@code +Infinity} at {@code 0} (the limit from the
   * right), {@code -Infinity} at {@code -0.0}, {@code 0} at {@code Infinity}, NaN below 0, as
   * PyTorch.
   */
  public Value sqrt() {
    return unary(Op.SQRT, this);
  }

  /**
   * Returns {@code sin(this)}. Local derivative: {@code d/dthis = cos(this)} (NaN at {@code
   * ±Infinity}).
   */
  public Value sin() {
    return unary(Op.SIN, this);
  }

  /**
   * Returns {@code cos(this)}. Local derivative: {@code d/dthis = -sin(this)} ({@code -0.0} at
   * {@code 0}, NaN at {@code ±Infinity}).
   */
  public Value cos() {
    return unary(Op.COS, this);
  }

  /**
   * Returns the larger of {@code this} and {@code other} as {@link Math#max(double, double)} (NaN if either is
   * NaN; {@code 0.0} is larger than {@code -0.0}). Local derivatives, as PyTorch's {@code
   * torch.maximum}: {@code 1} to the larger input and exactly {@code 0} to the smaller; at a tie
   * ({@code -0.0} and {@code 0.0} included) each input gets half the upstream grad; if either is
   * NaN both get the full upstream grad.
   *
   * @throws NullPointerException if {@code other} is null
   */
  public Value max(Value other) {
    checkNotNull(other, "other");
    return binary(Op.MAX, this, other);
  }

  /**
   * Returns the smaller of {@code this} and {@code other} as {@link Math#min(double, double)}. Local derivatives
   * mirror {@link #max(Value)} (PyTorch's {@code torch.minimum}): {@code 1} to the smaller input,
   * {@code 0} to the larger, half each at a tie, full to both if either is NaN.
   *
   * @throws NullPointerException if {@code other} is null
   */
  public Value min(Value other) {
    checkNotNull(other, "other");
    return binary(Op.MIN, this, other);
  }

  /**
   * Returns {@code this} where it is positive, else {@code slope * this} (PyTorch's {@code
   * leaky_relu(x, negative_slope)}; NaN stays NaN). Local derivative: {@code 1} above 0, {@code
   * slope} at or below 0 (the kink takes {@code slope}, as PyTorch) and for NaN; with {@code slope
   * == 0} the input's grad gets exactly {@code 0} there, whatever the upstream grad, as {@link
   * #relu()}. The slope is a hidden constant, not an input: it receives no gradient.
   *
   * @throws IllegalArgumentException if {@code slope} is NaN or infinite
   */
  public Value leakyRelu(double slope) {
    checkArgument(Double.isFinite(slope), "slope must be finite, got %s", slope);
    return withConstant(Op.LEAKY_RELU, this, slope);
  }

  /**
   * Returns {@code ln(1 + e^this)}, computed as {@code max(this, 0) + log1p(e^-|this|)} so that it
   * neither overflows for large inputs nor loses them for small ones ({@code jax.nn.softplus}'s
   * value; PyTorch's {@code softplus} instead returns {@code this} itself above its threshold 20).
   * Local derivative: {@code d/dthis = sigmoid(this)}, computed as {@link #sigmoid()} ({@code 1}
   * at {@code Infinity}, {@code 0} at {@code -Infinity}).
   */
  public Value softplus() {
    return unary(Op.SOFTPLUS, this);
  }

  /**
   * Returns a node with this node's data through which no gradient flows: its local derivative is
   * {@code 0} (exactly: the input's grad is left bit for bit as it was, even for a NaN or infinite
   * upstream grad), and {@link Gradients} treats it as a constant at every order. NaN and
   * infinities pass through unchanged. As JAX's {@code jax.lax.stop_gradient} (<a
   * href="https://jax.readthedocs.io/en/latest/_autosummary/jax.lax.stop_gradient.html">docs</a>)
   * and PyTorch's {@code Tensor.detach()} used inside a computation (<a
   * href="https://pytorch.org/docs/stable/generated/torch.Tensor.detach.html">docs</a>).
   *
   * <p>Unlike {@link #detach()}, which makes a new leaf holding this node's current data, the
   * result stays a node of this graph: a {@link CompiledGraph} recomputes it from the replayed
   * leaves on every {@link CompiledGraph#forward()}, where a detached leaf would keep the data it
   * had when the graph was recorded. Use it for a quantity computed from the inputs that must not
   * be differentiated, such as the max shift of a softmax.
   */
  public Value stopGradient() {
    return unary(Op.STOP_GRADIENT, this);
  }

  /**
   * Adds this node's local derivatives times its grad into its inputs' grads: one chain-rule step,
   * with the arithmetic of {@link Op}. The commonest ops (those of a neuron, a sum and a loss) are
   * dispatched by a switch on the node's op code small enough for the JIT to inline into the
   * backward sweep; the other ops go through {@link #propagateOther()}.
   */
  void propagate() {
    double g = grad;
    switch (op) {
      case Op.ADD_CODE:
        propagateBinary(Op.ADD, g);
        break;
      case Op.MUL_CODE:
        propagateBinary(Op.MUL, g);
        break;
      case Op.RELU_CODE:
        propagateUnary(Op.RELU, g);
        break;
      default:
        propagateOther(g);
        break;
    }
  }

  /**
   * {@link #propagate()} for the ops its switch leaves out, {@code g} being this node's grad: a
   * second switch for the next common ones, whose cases the JIT inlines, and the table's virtual
   * methods for the rest.
   */
  private void propagateOther(double g) {
    switch (op) {
      case Op.SUB_CODE:
        propagateBinary(Op.SUB, g);
        break;
      case Op.SQUARE_CODE:
        propagateUnary(Op.SQUARE, g);
        break;
      case Op.TANH_CODE:
        propagateUnary(Op.TANH, g);
        break;
      case Op.DOT_CODE:
        ((DotValue) this).propagate();
        break;
      default:
        Op o = Op.of(op);
        if (o.kind == Op.Kind.BINARY) {
          propagateBinary(o, g);
        } else {
          propagateUnary(o, g);
        }
        break;
    }
  }

  /** Adds binary {@code o}'s local derivatives times {@code g} into both inputs' grads, left first. */
  private void propagateBinary(Op o, double g) {
    left.grad += o.leftGrad(left.data, right.data, data, g);
    right.grad += o.rightGrad(left.data, right.data, data, g);
  }

  /**
   * Adds {@code o}'s local derivative times {@code g} into the input's grad; the second operand
   * the op reads is its hidden constant ({@link Op.Kind#UNARY_CONSTANT}), else {@code 0}.
   */
  private void propagateUnary(Op o, double g) {
    left.grad += o.leftGrad(left.data, right == null ? 0.0 : right.data, data, g);
  }

  /**
   * Sets every grad reachable from this node to {@code 0}, this node's to {@code 1}, then
   * propagates gradients in reverse topological order, so that each reachable node ends with
   * {@code d(this)/d(node)} — the reference program's {@code backward()}. Idempotent: calling it again yields
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

  /** Returns the reference program's repr, {@code Value(data=15.0000, grad=0.0000)}. */
  @Override
  public String toString() {
    return "Value(data=" + PythonFormat.fixed(data, 4) + ", grad=" + PythonFormat.fixed(grad, 4) + ")";
  }
}
