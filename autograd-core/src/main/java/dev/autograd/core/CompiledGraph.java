package dev.autograd.core;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;
import java.util.List;

/**
 * A {@link Value} graph recorded once into flat arrays, then replayed: each {@link #forward()}
 * re-reads every leaf's {@code data} and recomputes every node; each {@link #backward()} writes
 * every leaf's {@code grad}. Replays allocate nothing.
 *
 * <p>Typical use: build the loss once, compile it, then loop {@code optimizer-updates-parameters;
 * compiled.forwardBackward();}. This is the same arithmetic as rebuilding the graph and calling
 * {@link Value#backward()}, in the same order, so the results are equal bit for bit, without
 * creating nodes or searching the graph each step.
 *
 * <h2>Minibatches: input slots and the accumulating replay</h2>
 *
 * Record one example's loss with its features and target as <em>input leaves</em> ({@link
 * #compile(Value, List)}), then for each example of a minibatch call {@link #accumulate(double[])}
 * with that example's numbers: it sets the input slots, replays forward and backward, and
 * <em>adds</em> the example's gradient into every other leaf's grad (the parameters'), as building
 * the example's graph and calling {@link Value#backwardAccumulate()} does — bit for bit, and
 * without allocating:
 *
 * <pre>{@code
 * List<Value> in = List.of(Value.of(0, "x0"), Value.of(0, "x1"), Value.of(0, "target"));
 * CompiledGraph graph = CompiledGraph.compile(model.loss(in.subList(0, 2), in.get(2)), in);
 * for (double[] row : minibatch) {     // row = {x0, x1, target}
 *   total += graph.accumulate(row);    // adds d(loss)/d(p) into each parameter's grad
 * }
 * }</pre>
 *
 * Input leaves are placeholders: after compiling, the replay neither reads their {@code data} nor
 * writes their {@code grad}; their slots hold the numbers of the last {@link #setInputs(double[])}
 * (at first, the leaves' data at compile time), and {@link #gradOf(Value)} gives the output's
 * derivative with respect to them.
 *
 * <h2>Reading results</h2>
 *
 * Replay does not update the interior nodes' {@code Value} objects: after {@code setData} and a
 * replay, {@code node.data()} of a node made by an op still holds the number it was built with.
 * Read any recorded node's value and grad from the replay with {@link #valueOf(Value)} and {@link
 * #gradOf(Value)}, and the output with {@link #output()}.
 *
 * <p><b>Valid only while the graph's structure is unchanged.</b> The record holds the operations
 * and wiring at compile time: changing a leaf's data (through {@link Value#setData}) is what replay
 * is for, but a model whose structure depends on data (a branch on a value, a different number of
 * inputs) must be compiled again.
 *
 * <p>A compiled graph keeps every recorded node reachable (for {@link #valueOf(Value)}); drop it
 * to free them. Not thread-safe: one instance replays on one thread at a time.
 */
public final class CompiledGraph {
  /** The recorded output, kept to list the interior nodes again for {@link #valueOf(Value)}. */
  private final Value root;
  /** Leaves by slot: the input leaves, then the others. Interior slots follow, by rising level. */
  private final Value[] leaves;
  private final int inputCount;
  private final int leafCount;
  /** Op codes ({@link Op#of}) by slot; codes rather than references, which are costlier to store. */
  private final byte[] ops;
  private final int[] lhs;
  private final int[] rhs;
  /**
   * The hidden constants, each once per node whose op has one ({@link Op.Kind#UNARY_CONSTANT}):
   * such a node's {@link #rhs} entry is its constant's index here. Few graphs have many, so the
   * record holds no array of constants by slot. Set by {@link #record}.
   */
  private double[] constants;
  private final double[] data;
  private final double[] grad;
  private final int size;
  /**
   * Runs of consecutive interior slots with one op: run k is {@code [runStart[k],
   * runStart[k+1])}.
   */
  private final int[] runStart;
  private final Op[] runOp;
  /** {@link Value#latestVersion()} when the last {@link #forward()} began reading the leaves. */
  private long forwardVersion;
  /**
   * Where {@link #layOutDotBatches} moved each slot ({@code slotMoved[old]} is its slot), or
   * null if it moved none.
   */
  private int[] slotMoved;
  /** Open-addressing table from node to slot + 1 (0: empty), built by the first lookup. */
  private int[] index;
  /** Every recorded node by slot, listed by the first lookup. */
  private Value[] nodes;

  private CompiledGraph(Value root, List<Value> inputs) {
    long versionAtStart = Value.latestVersion();
    // Interior nodes in the order Value.backward() propagates them, then the leaves: replaying
    // backward in that same order adds every gradient in the same sequence, bit for bit.
    // Uncopied: the interior nodes in Backprop.record's chunks, the leaves in its own array.
    // The sweep also numbers the interior nodes, in their grad fields; record() puts them back.
    Backprop.Recording order = Backprop.recordHoldingGrads(root);
    int interiorCount = order.interiorCount;
    leafCount = order.leafCount;
    size = order.positions + leafCount;
    inputCount = inputs.size();
    this.root = root;
    try {
      leaves = new Value[leafCount];
      ops = new byte[size];
      lhs = new int[size];
      rhs = new int[size];
      data = new double[size];
      // The kept grads' array becomes the grad array when it is about the right length (zeroed by
      // record(); the replay only uses the first size entries).
      grad =
          order.kept.length >= size && order.kept.length - size <= size / 8 + 16
              ? order.kept
              : Arrays.copyOf(order.kept, size);
    } catch (OutOfMemoryError e) {
      order.abandon(); // the grads as they were
      throw e;
    }
    boolean asBuilt = record(order, interiorCount, inputs);
    // Nodes come by increasing level, so equal ops tend to be neighbours: replay runs of them.
    int runs = 0;
    for (int i = leafCount; i < size; i++) {
      if (i == leafCount || ops[i] != ops[i - 1]) {
        runs++;
      }
    }
    runStart = new int[runs + 1];
    runOp = new Op[runs];
    int k = 0;
    for (int i = leafCount; i < size; i++) {
      if (i == leafCount || ops[i] != ops[i - 1]) {
        runStart[k] = i;
        runOp[k++] = Op.of(ops[i]);
      }
    }
    runStart[runs] = size;
    if (asBuilt) {
      forwardVersion = versionAtStart; // the recorded data is what a forward() would compute
    } else {
      forward();
    }
  }

  /**
   * Fills the slots from {@code order} (its interior nodes, then its leaves): the wiring, ops and constants, and each node's data as
   * built. Each node's number (an interior node's place in the order, a leaf's slot) is kept in its
   * {@code grad} field meanwhile (so an input's slot is one field read, with no hash map), its grad
   * held in {@link #grad} and put back as soon as every node made from it has
   * read the number: the order lists those first. With input slots, the
   * {@code visited} flags mark the recorded nodes meanwhile. Returns false if a leaf changed after
   * a node built from it, so that the recorded data must be recomputed.
   */
  private boolean record(Backprop.Recording order, int interiorCount, List<Value> inputs) {
    // The grads are held in grad: the k-th interior node's at k (put there by the sweep),
    // leafList[k]'s at interiorCount + k.
    final double[] kept = grad;
    final Value[] leafList = order.leaves;
    final boolean marking = inputCount > 0;
    int held = 0;
    int restored = 0;
    boolean asBuilt = true;
    try {
      // The sweep left interior[k]'s grad in kept[k] and k in its grad field.
      for (; held < leafCount; held++) {
        Value v = leafList[held];
        kept[interiorCount + held] = v.grad;
        v.grad = -1;
        v.visited = marking;
      }
      // Slots: input leaves in the order given, the other leaves, then the interior nodes by
      // increasing level (the reverse of the order): interior[k] has slot size - 1 - k.
      for (int j = 0; j < inputCount; j++) {
        Value in = inputs.get(j);
        if (!in.visited) {
          throw badInput(j, in, "is not a leaf of the graph ending at output");
        }
        if (in.grad != -1) {
          throw badInput(j, in, "repeats an earlier input");
        }
        in.grad = j;
        leaves[j] = in;
        data[j] = in.data;
      }
      int next = inputCount;
      for (int k = 0; k < leafCount; k++) {
        Value v = leafList[k];
        if (v.grad == -1) {
          v.grad = next;
          leaves[next] = v;
          data[next++] = v.data;
        }
      }
      final int last = size - 1;
      double[] found = new double[8];
      int constantCount = 0;
      int position = 0; // the record's position of the k-th interior node: its slot is last - it
      // Each dot node's top slot, number of products, level and relu slots (1 if fused, else
      // 0), for layOutDotBatches.
      int[] dots = new int[0];
      int dotCount = 0;
      // Chunk by chunk: the k-th interior node is chunk[k - start].
      for (int c = 0, start = 0; start < interiorCount; start += order.chunk(c++).length) {
        final Value[] chunk = order.chunk(c);
        final int end = Math.min(interiorCount, start + chunk.length);
        for (int k = start; k < end; k++) {
          Value v = chunk[k - start];
          int i = last - position;
          if (v.op == Op.DOT_CODE) {
            if (DOT_FIELDS * dotCount + DOT_FIELDS > dots.length) {
              dots = Arrays.copyOf(dots, DOT_FIELDS * dotCount * 2 + 16 * DOT_FIELDS);
            }
            DotValue dot = (DotValue) v;
            int at = DOT_FIELDS * dotCount++;
            dots[at] = i;
            dots[at + 1] = dot.terms();
            dots[at + 2] = v.level;
            dots[at + 3] = dot.width() - 2 * dot.terms();
            recordDot(dot, i);
            position += Backprop.Recording.width(v);
          } else {
            position++;
            data[i] = v.data;
            byte code = v.op;
            ops[i] = code;
            lhs[i] = slot(v.left, last);
            Op.Kind kind = Op.of(code).kind;
            if (kind == Op.Kind.BINARY) {
              rhs[i] = slot(v.right, last);
            } else if (kind == Op.Kind.UNARY_CONSTANT) {
              if (constantCount == found.length) {
                found = Arrays.copyOf(found, constantCount * 2);
              }
              found[constantCount] = v.right.data;
              rhs[i] = constantCount++;
            }
          }
          asBuilt &= v.inputsUnchanged();
          // Every node made from v came earlier in the order and has read v's number.
          v.grad = kept[k];
          restored = k + 1;
        }
      }
      constants = Arrays.copyOf(found, constantCount);
      layOutDotBatches(dots, dotCount);
    } finally {
      for (int k = restored; k < interiorCount; k++) {
        order.interior(k).grad = kept[k];
      }
      for (int k = 0; k < held; k++) {
        leafList[k].grad = kept[interiorCount + k];
        leafList[k].visited = false;
      }
      Arrays.fill(kept, 0.0);
    }
    return asBuilt;
  }

  /** Ints per dot node in the list {@link #record} hands {@link #layOutDotBatches}. */
  private static final int DOT_FIELDS = 4;

  /** Returns the slot of recorded node {@code v}, numbered in its grad field (see {@link #record}). */
  private static int slot(Value v, int last) {
    return v.left == null ? (int) v.grad : last - (int) v.grad;
  }

  /**
   * Records dot node {@code v} of {@code n} products, whose own slot is {@code top}, as the chain
   * it stands for ({@link Value#dot}): sums {@code s_k = s_(k-1) + p_k} ({@code s_0} the start,
   * {@code s_n} the node itself, slot {@code top}) and products {@code p_k = a_k * b_k}, at the
   * positions {@code s_n, ..., s_1, p_1, ..., p_n} from {@code top} down, so that the replay
   * propagates them one after another in the order of {@link DotValue#propagate()}, in two runs
   * of one op each. A fused relu-dot node ({@link ReluDotValue}) is its {@link Op#RELU} at {@code
   * top} over that chain from {@code top - 1} down: the replay's relu adds into {@code s_n}'s grad,
   * zeroed, what {@link ReluDotValue#sumGrad()} computes, then the chain propagates from it.
   */
  private void recordDot(DotValue v, int top) {
    final int last = size - 1;
    final int n = v.terms();
    final int r = v.width() - 2 * n; // relu slots: 1 or 0
    final int sn = top - r;
    double sum = v.left.data;
    for (int k = 1; k <= n; k++) {
      int s = sn - (n - k); // s_k
      int p = sn - n - (k - 1); // p_k
      Value a = v.a.elements[k - 1];
      Value b = v.b.elements[k - 1];
      ops[p] = Op.MUL_CODE;
      lhs[p] = slot(a, last);
      rhs[p] = slot(b, last);
      data[p] = Op.MUL.forward(a.data, b.data);
      ops[s] = Op.ADD_CODE;
      lhs[s] = k == 1 ? slot(v.left, last) : s - 1; // s_(k-1)
      rhs[s] = p;
      sum = Op.ADD.forward(sum, data[p]);
      data[s] = sum;
    }
    if (r == 1) {
      ops[top] = Op.RELU_CODE;
      lhs[top] = sn;
      data[top] = Op.RELU.forward(sum, 0.0);
    }
  }

  /**
   * Lays out batches of dot nodes as the unfused graph's sweep would: each dot node is recorded
   * as its chain, sums then products ({@link #recordDot}), which makes two short runs of one op
   * per dot node (three for a fused relu-dot node: its relu first); a batch of dot nodes that come
   * one after another in the order, at one level, is laid out instead as all their relus, then all
   * their sums, then all their products (in the same node order), so that replay runs over long
   * runs of one op, as it did over the unfused graph's sweep.
   *
   * <p>The grads stay bit for bit {@code backward()}'s: a relu sends grad only to its own chain's
   * top {@code s_n}, which nothing else writes, a sum only inside its chain or to its dot node's
   * start, a product only to its factors, and every dot node of a batch has its grad complete
   * before the batch (none is an input of another: they share a level). So each node receives the
   * same contributions in the same order, unless it is the start of a dot node and a factor of an
   * earlier one in the batch (backward: the factor's contribution first; laid out: the start's):
   * a dot node whose start is a factor of the batch so far begins a new batch.
   *
   * @param dots each dot node's top slot, number of products, level and relu slots (1 or 0), in
   *     recording order
   */
  private void layOutDotBatches(int[] dots, int dotCount) {
    if (dotCount < 2) {
      return;
    }
    final int f = DOT_FIELDS;
    int[] moved = null;
    int[] mark = new int[size]; // mark[slot] == stamp: a factor of the current batch
    int stamp = 0;
    for (int first = 0, end; first < dotCount; first = end) {
      int top = dots[f * first];
      int level = dots[f * first + 2];
      stamp++;
      end = first;
      int total = 0;
      int relus = 0;
      while (end < dotCount) {
        int t = dots[f * end];
        int n = dots[f * end + 1];
        int r = dots[f * end + 3];
        int sn = t - r;
        // The slot just below the previous dot node's record: its top less its width.
        int prev = f * (end - 1);
        int below = end > first ? dots[prev] - 2 * dots[prev + 1] - dots[prev + 3] : t;
        if (end > first
            && (t != below // not right after the last one
                || dots[f * end + 2] != level
                || mark[lhs[sn - n + 1]] == stamp)) { // its start (s_1's left) is a factor
          break;
        }
        for (int p = sn - n; p > sn - 2 * n; p--) {
          mark[lhs[p]] = stamp;
          mark[rhs[p]] = stamp;
        }
        total += n;
        relus += r;
        end++;
      }
      if (end - first < 2) {
        continue;
      }
      if (moved == null) {
        moved = new int[size];
        for (int i = 0; i < size; i++) {
          moved[i] = i;
        }
      }
      for (int j = first, before = 0, relusBefore = 0; j < end; j++) {
        int t = dots[f * j];
        int n = dots[f * j + 1];
        int r = dots[f * j + 3];
        int sn = t - r;
        if (r == 1) {
          moved[t] = top - relusBefore; // the relus, first
        }
        for (int d = 0; d < n; d++) {
          moved[sn - d] = top - relus - before - d; // the sums s_n .. s_1
          moved[sn - n - d] = top - relus - total - before - d; // the products p_1 .. p_n
        }
        before += n;
        relusBefore += r;
      }
    }
    if (moved != null) {
      permute(moved);
    }
  }

  /** Moves every slot {@code i} to {@code moved[i]}, with the inputs it reads. */
  private void permute(int[] moved) {
    byte[] oldOps = ops.clone();
    int[] oldLhs = lhs.clone();
    int[] oldRhs = rhs.clone();
    double[] oldData = data.clone();
    for (int i = leafCount; i < size; i++) {
      int j = moved[i];
      ops[j] = oldOps[i];
      data[j] = oldData[i];
      lhs[j] = moved[oldLhs[i]];
      rhs[j] = Op.readsRight(oldOps[i]) ? moved[oldRhs[i]] : oldRhs[i];
    }
    slotMoved = moved;
  }

  private static IllegalArgumentException badInput(int j, Value in, String problem) {
    return new IllegalArgumentException(
        "inputs[" + j + "] (label \"" + in.label() + "\", data " + in.data + ") " + problem);
  }

  /**
   * Records the graph that ends at {@code output}, every leaf read from its {@code Value} at each
   * {@link #forward()}. Costs one traversal and a few arrays of the graph's size (no hashing); the
   * recorded output equals {@code output.data()}, unless a leaf was changed by {@link
   * Value#setData} after a node built from it, in which case the record is computed forward from
   * the leaves' current data. Grads and the graph are left as they were.
   *
   * @throws NullPointerException if {@code output} is null
   */
  public static CompiledGraph compile(Value output) {
    return new CompiledGraph(checkNotNull(output, "output"), List.of());
  }

  /**
   * Records the graph that ends at {@code output} with {@code inputs} as its input slots, slot
   * {@code j} being {@code inputs.get(j)}: for {@link #setInputs(double[])} and {@link
   * #accumulate(double[])}, whose arrays have {@code inputs.size()} numbers. Otherwise as {@link
   * #compile(Value)}; nothing changes when this throws.
   *
   * @throws NullPointerException if {@code output}, {@code inputs} or an element is null
   * @throws IllegalArgumentException if an input was made by an operation, is not reachable from
   *     {@code output}, or appears twice
   */
  public static CompiledGraph compile(Value output, List<Value> inputs) {
    checkNotNull(output, "output");
    checkNotNull(inputs, "inputs");
    for (int j = 0; j < inputs.size(); j++) {
      Value in = checkNotNull(inputs.get(j), "inputs[%s] is null", j);
      if (!in.isLeaf()) {
        throw badInput(j, in, "must be a leaf, but was made by '" + in.op() + "'");
      }
    }
    return new CompiledGraph(output, inputs);
  }

  /**
   * Returns the number of slots recorded, leaves included: one per node, except that a {@link
   * Value#dot} node of {@code n} products takes {@code 2n} (it is recorded as the chain of
   * products and sums it stands for) and a {@link Value#dotRelu} node {@code 2n + 1} (a relu over
   * that chain).
   */
  public int size() {
    return size;
  }

  /** Returns the number of input slots: {@code inputs.size()} at compile time, else 0. */
  public int inputCount() {
    return inputCount;
  }

  /**
   * Returns the recorded leaves: the input leaves first, in slot order, then the leaves the replay
   * reads and writes, in recording order.
   */
  public List<Value> leaves() {
    return List.of(leaves);
  }

  /**
   * Returns a read-only view of the record this graph replays (slots, ops, inputs), for code
   * generators (each call builds its table of ops); it shares this graph's leaves. For a graph compiled with input slots, leaf slots
   * {@code 0 .. inputCount() - 1} are the input leaves, which a generated replay must fill itself.
   */
  public RecordedGraph recorded() {
    Op[] table = new Op[size];
    for (int i = leafCount; i < size; i++) {
      table[i] = Op.of(ops[i]);
    }
    double[] constant = new double[size];
    for (int i = leafCount; i < size; i++) {
      if (table[i].kind == Op.Kind.UNARY_CONSTANT) {
        constant[i] = constants[rhs[i]];
      }
    }
    return new RecordedGraph(leaves(), table, lhs, rhs, constant);
  }

  /** The leaves by slot, shared, for {@link BatchedReplay}. */
  Value[] leafArray() {
    return leaves;
  }

  /** Each interior slot's first input slot, shared, for {@link BatchedReplay}. */
  int[] lefts() {
    return lhs;
  }

  /**
   * Each binary slot's second input slot, and each one-input slot's index into {@link
   * #hiddenConstants()}, shared, for {@link BatchedReplay}.
   */
  int[] rights() {
    return rhs;
  }

  /** The hidden constants, indexed through {@link #rights()}, shared, for {@link BatchedReplay}. */
  double[] hiddenConstants() {
    return constants;
  }

  /** Where each run of one op starts (and, last, {@link #size()}), shared, for {@link BatchedReplay}. */
  int[] runStarts() {
    return runStart;
  }

  /** The op of each run, shared, for {@link BatchedReplay}. */
  Op[] runOps() {
    return runOp;
  }

  /** Returns the output's value as of the last {@link #forward()}. */
  public double output() {
    return data[size - 1];
  }

  /**
   * Returns {@code node}'s value as of the last {@link #forward()}: for a node made by an op, the
   * number {@code node.data()} would hold had the graph been built again from the leaves as they
   * were then; for an input leaf, its slot's number. The first call of this or {@link
   * #gradOf(Value)} indexes the recorded nodes (an {@code int} table of about 2 to 4 entries per
   * node); later calls take constant time and allocate nothing.
   *
   * @throws NullPointerException if {@code node} is null
   * @throws IllegalArgumentException if {@code node} is not a node of the recorded graph
   */
  public double valueOf(Value node) {
    return data[slotOf(node)];
  }

  /**
   * Returns the output's derivative with respect to {@code node} — any node of the recorded graph,
   * input leaves included — as of the last {@link #backward()} (0 before the first). Indexes the
   * nodes on first use, as {@link #valueOf(Value)} does.
   *
   * @throws NullPointerException if {@code node} is null
   * @throws IllegalArgumentException if {@code node} is not a node of the recorded graph
   */
  public double gradOf(Value node) {
    return grad[slotOf(node)];
  }

  private int slotOf(Value node) {
    checkNotNull(node, "node");
    if (index == null) {
      index = buildIndex();
    }
    int mask = index.length - 1;
    for (int h = hash(node) & mask; index[h] != 0; h = (h + 1) & mask) {
      if (nodes[index[h] - 1] == node) { // nodes: set by buildIndex()
        return index[h] - 1;
      }
    }
    throw new IllegalArgumentException("node " + node + " is not a node of this compiled graph");
  }

  /** Lists every recorded node by slot (the same sweep as compiling) and indexes them. */
  private int[] buildIndex() {
    Value[] order = Backprop.propagationOrder(root);
    nodes = Arrays.copyOf(leaves, size);
    // A dot node's chain takes several slots; only its top (the node itself) has a Value.
    for (int k = 0, position = 0; position < size - leafCount; k++) {
      int slot = size - 1 - position;
      nodes[slotMoved == null ? slot : slotMoved[slot]] = order[k];
      position += Backprop.Recording.width(order[k]);
    }
    int[] table = new int[Integer.highestOneBit(Math.max(2, size) * 2 - 1) * 2];
    int mask = table.length - 1;
    for (int i = 0; i < size; i++) {
      if (nodes[i] == null) {
        continue;
      }
      int h = hash(nodes[i]) & mask;
      while (table[h] != 0) {
        h = (h + 1) & mask;
      }
      table[h] = i + 1;
    }
    return table;
  }

  private static int hash(Value node) {
    int h = System.identityHashCode(node) * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /**
   * Copies {@code inputs} into the input slots, for the next {@link #forward()}: slot {@code j}
   * gets {@code inputs[j]}. Any double is accepted; NaN and infinities propagate as in the eager
   * graph. The array is not kept.
   *
   * @throws NullPointerException if {@code inputs} is null
   * @throws IllegalArgumentException if {@code inputs.length != inputCount()}
   */
  public void setInputs(double[] inputs) {
    checkNotNull(inputs, "inputs");
    checkArgument(inputs.length == inputCount,
        "inputs has length %s, but the graph has %s input slot(s)", inputs.length, inputCount);
    System.arraycopy(inputs, 0, data, 0, inputCount);
  }

  /**
   * Re-reads the data of every leaf but the input leaves (whose slots keep the numbers of the last
   * {@link #setInputs(double[])}), recomputes every node in recording order and returns the
   * output.
   */
  public double forward() {
    final double[] d = data;
    final Value[] lv = leaves;
    forwardVersion = Value.latestVersion();
    for (int i = inputCount; i < leafCount; i++) {
      d[i] = lv[i].data;
    }
    for (int k = 0; k < runOp.length; k++) {
      forwardRun(runOp[k], runStart[k], runStart[k + 1]);
    }
    return d[size - 1];
  }

  /**
   * Recomputes the nodes of slots {@code [from, to)}, which all have op {@code op}, with the
   * table's forward: the common ops in loops of their own, the others through {@link Op#forward}.
   */
  private void forwardRun(Op op, int from, int to) {
    final double[] d = data;
    final int[] l = lhs;
    final int[] r = rhs;
    switch (op) {
      case ADD:
        for (int i = from; i < to; i++) {
          d[i] = Op.ADD.forward(d[l[i]], d[r[i]]);
        }
        break;
      case SUB:
        for (int i = from; i < to; i++) {
          d[i] = Op.SUB.forward(d[l[i]], d[r[i]]);
        }
        break;
      case MUL:
        for (int i = from; i < to; i++) {
          d[i] = Op.MUL.forward(d[l[i]], d[r[i]]);
        }
        break;
      case SQUARE:
        for (int i = from; i < to; i++) {
          d[i] = Op.SQUARE.forward(d[l[i]], 0.0);
        }
        break;
      case RELU:
        for (int i = from; i < to; i++) {
          d[i] = Op.RELU.forward(d[l[i]], 0.0);
        }
        break;
      case TANH:
        for (int i = from; i < to; i++) {
          d[i] = Op.TANH.forward(d[l[i]], 0.0);
        }
        break;
      default:
        forwardOther(op, from, to);
        break;
    }
  }

  /** {@link #forwardRun} for the ops without a loop of their own, through {@link Op#forward}. */
  private void forwardOther(Op op, int from, int to) {
    final double[] d = data;
    final int[] l = lhs;
    final int[] r = rhs;
    if (op.kind == Op.Kind.BINARY) {
      for (int i = from; i < to; i++) {
        d[i] = op.forward(d[l[i]], d[r[i]]);
      }
    } else if (op.kind == Op.Kind.UNARY_CONSTANT) {
      for (int i = from; i < to; i++) {
        d[i] = op.forward(d[l[i]], constants[r[i]]);
      }
    } else {
      for (int i = from; i < to; i++) {
        d[i] = op.forward(d[l[i]], 0.0);
      }
    }
  }

  /**
   * Sets every recorded grad to {@code 0}, the output's to {@code 1}, propagates in reverse
   * recording order using the data of the last {@link #forward()}, and writes each leaf's
   * gradient into its {@code grad} — the same semantics as {@link Value#backward()}. Input leaves'
   * grads are not written (read them with {@link #gradOf(Value)}).
   *
   * @throws IllegalStateException if a leaf was changed by {@link Value#setData} since the last
   *     {@link #forward()} (the recorded data would be stale); no grad is changed then
   */
  public void backward() {
    checkLeavesUnchangedSinceForward();
    propagate();
    final double[] g = grad;
    final Value[] lv = leaves;
    for (int i = inputCount; i < leafCount; i++) {
      lv[i].grad = g[i];
    }
  }

  /**
   * Like {@link #backward()}, but adds each leaf's gradient to the grad it holds instead of
   * replacing it (input leaves excepted), as {@link Value#backwardAccumulate()} does, bit for bit.
   *
   * @throws IllegalStateException if a leaf was changed by {@link Value#setData} since the last
   *     {@link #forward()}; no grad is changed then
   */
  public void backwardAccumulate() {
    checkLeavesUnchangedSinceForward();
    propagateAndAdd();
  }

  /**
   * Adds one example's gradient into the parameters' grads and returns its output: {@link
   * #setInputs(double[])} with {@code inputs}, {@link #forward()}, then {@link
   * #backwardAccumulate()}. After a call per example from zero grads, each leaf that is not an
   * input holds the sum over the examples of {@code d(output)/d(leaf)}, bit for bit what building
   * each example's graph and calling {@link Value#backwardAccumulate()} gives. Allocates nothing.
   *
   * @param inputs one number per input slot, in slot order ({@code inputCount()} of them)
   * @throws NullPointerException if {@code inputs} is null
   * @throws IllegalArgumentException if {@code inputs.length != inputCount()}; no grad changes
   */
  public double accumulate(double[] inputs) {
    setInputs(inputs);
    double out = forward();
    propagateAndAdd();
    return out;
  }

  /** Propagates from the output into {@link #grad}: zeroes, the output's 1, every run backward. */
  private void propagate() {
    final double[] g = grad;
    Arrays.fill(g, 0.0);
    g[size - 1] = 1.0;
    for (int k = runOp.length - 1; k >= 0; k--) {
      backwardRun(runOp[k], runStart[k], runStart[k + 1]);
    }
  }

  /** Propagates, then adds each non-input leaf's gradient to its grad (new + held, as eager). */
  private void propagateAndAdd() {
    propagate();
    final double[] g = grad;
    final Value[] lv = leaves;
    for (int i = inputCount; i < leafCount; i++) {
      lv[i].grad = g[i] + lv[i].grad;
    }
  }

  /**
   * Propagates the nodes of slots {@code [from, to)}, last first, which all have op {@code op}:
   * the same table arithmetic, in the same order, as {@link Value#propagate()}.
   */
  private void backwardRun(Op op, int from, int to) {
    final double[] d = data;
    final double[] g = grad;
    final int[] l = lhs;
    final int[] r = rhs;
    switch (op) {
      // The fast loops pass 0 for what an op's derivative does not read (the table's methods say
      // which), so that the loop does not load it.
      case ADD:
        for (int i = to - 1; i >= from; i--) {
          double up = g[i];
          g[l[i]] += Op.ADD.leftGrad(0.0, 0.0, 0.0, up);
          g[r[i]] += Op.ADD.rightGrad(0.0, 0.0, 0.0, up);
        }
        break;
      case SUB:
        for (int i = to - 1; i >= from; i--) {
          double up = g[i];
          g[l[i]] += Op.SUB.leftGrad(0.0, 0.0, 0.0, up);
          g[r[i]] += Op.SUB.rightGrad(0.0, 0.0, 0.0, up);
        }
        break;
      case MUL:
        for (int i = to - 1; i >= from; i--) {
          double up = g[i];
          int a = l[i];
          int b = r[i];
          double da = d[a];
          double db = d[b];
          g[a] += Op.MUL.leftGrad(da, db, 0.0, up);
          g[b] += Op.MUL.rightGrad(da, db, 0.0, up);
        }
        break;
      case SQUARE:
        for (int i = to - 1; i >= from; i--) {
          int a = l[i];
          g[a] += Op.SQUARE.leftGrad(d[a], 0.0, 0.0, g[i]);
        }
        break;
      case RELU:
        for (int i = to - 1; i >= from; i--) {
          g[l[i]] += Op.RELU.leftGrad(0.0, 0.0, d[i], g[i]);
        }
        break;
      case TANH:
        for (int i = to - 1; i >= from; i--) {
          int a = l[i];
          g[a] += Op.TANH.leftGrad(d[a], 0.0, d[i], g[i]);
        }
        break;
      default:
        backwardOther(op, from, to);
        break;
    }
  }

  /** {@link #backwardRun} for the ops without a loop of their own, through the table's methods. */
  private void backwardOther(Op op, int from, int to) {
    final double[] d = data;
    final double[] g = grad;
    final int[] l = lhs;
    final int[] r = rhs;
    if (op.kind == Op.Kind.BINARY) {
      for (int i = to - 1; i >= from; i--) {
        int a = l[i];
        int b = r[i];
        g[a] += op.leftGrad(d[a], d[b], d[i], g[i]);
        g[b] += op.rightGrad(d[a], d[b], d[i], g[i]);
      }
    } else if (op.kind == Op.Kind.UNARY_CONSTANT) {
      for (int i = to - 1; i >= from; i--) {
        int a = l[i];
        g[a] += op.leftGrad(d[a], constants[r[i]], d[i], g[i]);
      }
    } else {
      for (int i = to - 1; i >= from; i--) {
        int a = l[i];
        g[a] += op.leftGrad(d[a], 0.0, d[i], g[i]);
      }
    }
  }

  /**
   * Throws if a leaf changed since the last forward pass read it. Constant time when no leaf
   * anywhere changed since (the usual case); otherwise one look at each leaf.
   */
  private void checkLeavesUnchangedSinceForward() {
    if (Value.latestVersion() == forwardVersion) {
      return;
    }
    for (int i = inputCount; i < leafCount; i++) {
      if (leaves[i].changedSince(forwardVersion)) {
        throw Value.stale(leaves[i], "the compiled graph's last forward() read it");
      }
    }
  }

  /** Runs {@link #forward()} then {@link #backward()} and returns the output. */
  public double forwardBackward() {
    double out = forward();
    backward();
    return out;
  }
}
