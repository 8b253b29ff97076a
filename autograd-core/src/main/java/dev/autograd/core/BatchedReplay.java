package dev.autograd.core;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;

/**
 * One recorded example graph replayed over a whole minibatch at once: the {@link CompiledGraph}
 * of one example's loss, with the example's numbers as input slots, run for {@code B} examples
 * side by side, as JAX's {@code vmap} runs one traced function over a batch axis. {@link
 * #accumulate(double[][])} leaves every parameter's grad, and returns a loss sum, bit for bit
 * equal to calling {@link CompiledGraph#accumulate(double[])} once per row in row order (and so to
 * building each example's graph and calling {@link Value#backwardAccumulate()}).
 *
 * <h2>Layout: a row of lanes per slot</h2>
 *
 * The replay holds, for a pass over {@code n ≤ lanes()} examples, a row of {@code n} numbers per
 * slot for the data and another for the grad ({@code data[slot][e]}, slot-major: example {@code
 * e}'s value of slot {@code i} is lane {@code e} of row {@code i}). Each recorded node (or fused
 * chain, below) becomes one loop over the examples ({@code out[e] = f(a[e], b[e])}); every array
 * is read at the loop's own index, so HotSpot's C2 unrolls and vectorises the loop (SIMD), and
 * reading a node's op and wiring is paid once per pass rather than once per example. Input slots
 * take each example's row; the other leaves (the parameters) have their {@code data} copied into
 * every lane of their row, when some unfused node reads that row. A
 * minibatch of more than {@code lanes()} rows is replayed in passes of {@code lanes()} rows, in
 * row order. The buffers are kept for the next call and grow to the largest pass seen ({@code 2
 * × size() × min(B, lanes())} doubles).
 *
 * <h2>Same numbers as per-example replay</h2>
 *
 * Each example's arithmetic is the per-example replay's (the same table functions of {@link Op},
 * in the same node order, from grads of 0 and an output grad of 1), so each example's leaf
 * gradient is the same column of numbers; those columns are then added into each parameter's
 * grad one example after the other in row order ({@code p.grad = column[e] + p.grad}), as the
 * per-example replay adds them, and the outputs are summed from 0 in row order. Infinities
 * propagate exactly as in the per-example replay, and NaN wherever it gives NaN.
 *
 * <p>"Bit for bit" here and in the tests means equal under {@link Double#doubleToLongBits} (as
 * {@link Double#equals}): every NaN counts as the same NaN. IEEE 754 does not specify the sign or
 * payload of the NaN an operation returns, and on x86 a product of two NaNs returns its first
 * operand's: a fused product below computes {@code w × x} where the graph may hold {@code x × w},
 * and HotSpot's compiled code may swap the operands of an addition or a product too, so the sign
 * bit of a NaN result can differ from the per-example replay's (a QA pass on 68,000 random graphs
 * found such differences, with and without fusion, and none in any number, infinity or sign of
 * zero).
 *
 * <h2>Fused dot-product chains</h2>
 *
 * Nearly every interior node of an MLP's graph belongs to a dot product written as a left-leaning
 * chain, {@code s_1 = h + m_1, s_k = s_(k-1) + m_k} with products {@code m_k = a_k * b_k} (a
 * neuron: {@code h} its bias; {@code nn.Vectors.dot}: {@code h} its constant 0; a {@link
 * Value#dot} node is recorded as such a chain, a {@link Value#dotRelu} node as one under a
 * relu). Replayed node
 * by node, each product writes a row of lanes that the next addition reads back, and backward
 * each addition copies its grad into two rows. When the replay is built, each such chain whose
 * partial sums and products are used only by the chain becomes one <em>fused node</em>: forward
 * {@code o[e] = h[e]; o[e] = o[e] + a_k[e] * b_k[e]} for {@code k = 1..K} (four products per
 * lane loop, so a lane's sum stays in a register: eight rows read, one written), and backward the
 * grads the chain's nodes would have sent, written straight into the operands' grad rows. A
 * parameter (the same number in every lane) is read as one number rather than from a filled row;
 * its grad is added into its grad lane after lane as before ({@link GradColumns}), from a row per
 * lane, or, for a weight whose only contribution is {@code x × G}, from the two rows {@code x} and
 * {@code G}, multiplied where they are added rather than stored in a row and read back (2.2 µs of
 * a 19 µs moons step: autograd-bench/results-2026-11-30-relu.md).
 *
 * <p><b>Why the numbers stay the same.</b> Forward, each lane does the same IEEE operations in
 * the same order ({@link Op#MUL}'s then {@link Op#ADD}'s forward, left to right; no fused
 * multiply-add). Backward, the unfused sweep stores {@code 0.0 + G} into every partial sum and
 * every product ({@code G} the chain output's grad; a partial sum's grad is its only
 * contribution). No grad the replay stores is {@code -0.0} (each is {@code 0.0 + c} or {@code h +
 * c} with {@code h} a stored grad, and a sum is {@code -0.0} only when both terms are) or a
 * signalling NaN (each is a sum), and for any other {@code G}, {@code 0.0 + G} has {@code G}'s
 * bits; so the fused node reads {@code G}'s own row as every product's grad, and sends {@code b_k
 * × G} to {@code a_k}, {@code a_k × G} to {@code b_k} and {@code 1 × G} (exactly {@code G}) to
 * {@code h}, with no row of {@code 0.0 + G} written (0.6 µs of a 20 µs moons step:
 * autograd-bench/results-2026-11-30-relu.md). What can change is the order in which a slot's grad receives its
 * contributions, which changes the bits once a slot receives three or more: fused, the chain's
 * contributions are made when its group's step runs instead of at each product's place in the
 * sweep. So a chain is fused only when, for every slot whose grad is read, the contributions
 * keep their unfused order and all come before the slot's own backward step reads its grad.
 * Chains whose products feed the same slots in opposite orders (the neurons of one MLP layer)
 * are merged into one group, whose step makes each slot's contributions in their unfused order
 * (at most four contributions per lane loop); a chain that still breaks the rule (say, an operand
 * with another user between the chain's products and its top) stays unfused. Each
 * contribution's "first" flag ({@code 0.0 + c} rather than {@code grad + c}) follows from that
 * order, as unfused. An input slot's grad is never read, so nothing is sent to it.
 *
 * <p>Reads the parameters' {@code data} once per pass; valid while the compiled graph is (same
 * structure). Not thread-safe: one instance replays on one thread at a time; it shares the
 * compiled graph's record, not its buffers, so the graph may keep replaying on its own. (Splitting
 * a minibatch over two threads, each with its own buffers, measured slower than one thread on
 * this 2-core machine: autograd-bench/results-2026-11-30-batched.md.)
 */
public final class BatchedReplay {
  /**
   * The default most examples per pass, 128: the fewer passes, the less reading of the record.
   * Measured here on the first version (flat arrays; JMH, one run each; commands and dates in
   * autograd-bench/results-2026-11-30-batched.md): the digits epoch (minibatches of 32,
   * autograd-bench's {@code DigitsEpochBenchmark}) ran 62k, 72k, 93k and 112k examples per second
   * in passes of 4, 8, 16 and 32 lanes.
   */
  public static final int DEFAULT_LANES = 128;

  /** Leaves by slot: the input leaves, then the parameters. */
  private final Value[] leaves;
  private final int inputCount;
  private final int leafCount;
  private final int size;
  private final int[] lhs;
  /** A binary slot's second input; a one-input slot's index into {@link #constants}. */
  private final int[] rhs;
  /** The hidden constants of one-input slots, indexed through {@link #rhs}. */
  private final double[] constants;
  /**
   * Whether node {@code i}'s contribution to its first (second) input's grad is the first one
   * the backward sweep makes to that slot: it is stored as {@code 0.0 + contribution}, exactly
   * what adding it to a zeroed grad gives, so the grads need no zeroing.
   */
  private final boolean[] firstLeft;
  private final boolean[] firstRight;
  /** Forward steps: a run [from, to) of one op, or (op null) fused chain {@code from}. */
  private final Op[] forwardOp;
  private final int[] forwardFrom;
  private final int[] forwardTo;
  /** Backward steps: a run [from, to) of one op, last slot first, or (op null) group {@code from}. */
  private final Op[] backwardOp;
  private final int[] backwardFrom;
  private final int[] backwardTo;
  /** Each fused chain's forward code and each group's backward code ({@link DotChains}). */
  private final int[][] chainCode;
  private final int[][] groupCode;
  /** The parameters whose row of lanes some step reads (the fused steps read their number). */
  private final boolean[] rowRead;
  /** Adds the parameters' columns into their grads. */
  private final GradColumns columns;
  /** The slots whose rows some step uses (not a fused chain's intermediates). */
  private final boolean[] rowsUsed;
  /** How many chains were found and fused, their nodes, their groups (for tests). */
  private final int chains;
  private final int fusedChains;
  private final int fusedNodes;
  private final int fusedGroups;
  private final int lanes;
  private final Lanes buffers;

  private BatchedReplay(CompiledGraph graph, int lanes, boolean fuse) {
    // The compiled graph's own record, shared: neither side writes it.
    this.leaves = graph.leafArray();
    this.inputCount = graph.inputCount();
    this.leafCount = leaves.length;
    this.size = graph.size();
    this.lhs = graph.lefts();
    this.rhs = graph.rights();
    this.constants = graph.hiddenConstants();
    this.lanes = lanes;
    int[] runStart = graph.runStarts();
    Op[] runOp = graph.runOps();
    firstLeft = new boolean[size];
    firstRight = new boolean[size];
    boolean[] written = new boolean[size];
    for (int k = runOp.length - 1; k >= 0; k--) { // the backward sweep's order
      boolean binary = runOp[k].kind == Op.Kind.BINARY;
      for (int i = runStart[k + 1] - 1; i >= runStart[k]; i--) {
        firstLeft[i] = !written[lhs[i]];
        written[lhs[i]] = true;
        if (binary) {
          firstRight[i] = !written[rhs[i]];
          written[rhs[i]] = true;
        }
      }
    }
    DotChains plan = new DotChains(graph, firstLeft, firstRight, fuse);
    forwardOp = plan.forwardOps.toArray(new Op[0]);
    forwardFrom = new int[forwardOp.length];
    forwardTo = new int[forwardOp.length];
    for (int k = 0; k < forwardOp.length; k++) {
      forwardFrom[k] = plan.forwardRanges.get(k)[0];
      forwardTo[k] = plan.forwardRanges.get(k)[1];
    }
    backwardOp = plan.backwardOps.toArray(new Op[0]);
    backwardFrom = new int[backwardOp.length];
    backwardTo = new int[backwardOp.length];
    for (int k = 0; k < backwardOp.length; k++) {
      backwardFrom[k] = plan.backwardRanges.get(k)[0];
      backwardTo[k] = plan.backwardRanges.get(k)[1];
    }
    chainCode = plan.chainCode.toArray(new int[0][]);
    groupCode = plan.groupCode.toArray(new int[0][]);
    rowRead = plan.rowRead;
    columns = new GradColumns(leaves, inputCount, plan.columnRow, plan.columnFactor);
    rowsUsed = plan.rowsUsed;
    fusedChains = plan.fusedChains;
    fusedNodes = plan.fusedNodes;
    fusedGroups = plan.fusedGroups;
    chains = plan.chains;
    buffers = new Lanes();
  }

  /**
   * Returns a batched replay of {@code graph} in passes of up to {@link #DEFAULT_LANES} examples.
   *
   * @throws NullPointerException if {@code graph} is null
   * @throws IllegalArgumentException if {@code graph} has no input slots (compile it with {@link
   *     CompiledGraph#compile(Value, java.util.List)})
   */
  public static BatchedReplay of(CompiledGraph graph) {
    return of(graph, DEFAULT_LANES);
  }

  /**
   * Returns a batched replay of {@code graph} in passes of up to {@code lanes} examples.
   *
   * @throws NullPointerException if {@code graph} is null
   * @throws IllegalArgumentException if {@code graph} has no input slots, or {@code lanes < 1}
   */
  public static BatchedReplay of(CompiledGraph graph, int lanes) {
    return of(graph, lanes, true);
  }

  /** As {@link #of(CompiledGraph, int)}, with the dot-product chains fused or not (for tests). */
  static BatchedReplay of(CompiledGraph graph, int lanes, boolean fuse) {
    checkNotNull(graph, "graph");
    checkArgument(graph.inputCount() > 0,
        "the graph has no input slots: compile it with compile(output, inputs)");
    checkArgument(lanes >= 1, "lanes must be at least 1, got %s", lanes);
    return new BatchedReplay(graph, lanes, fuse);
  }

  /** The number of dot-product chains found, fused or not. */
  int chains() {
    return chains;
  }

  /** The number of groups the fused chains' backward steps form. */
  int fusedGroups() {
    return fusedGroups;
  }

  /** The number of parameters whose grad column is computed where it is added. */
  int productColumns() {
    return columns.productColumns();
  }

  /** The number of dot-product chains replayed fused. */
  int fusedChains() {
    return fusedChains;
  }

  /** The number of recorded nodes (products and additions) inside fused chains. */
  int fusedNodes() {
    return fusedNodes;
  }

  /** Returns the most examples replayed side by side in one pass. */
  public int lanes() {
    return lanes;
  }

  /** Returns the number of input slots, the length of every row. */
  public int inputCount() {
    return inputCount;
  }

  /**
   * Adds every row's gradient into the parameters' grads, in row order, and returns the sum of
   * the rows' outputs (added in row order, from 0): bit for bit what {@code for (row : rows) sum
   * += graph.accumulate(row);} gives. Allocates nothing once its buffers have grown.
   *
   * @param rows {@code B ≥ 1} rows of {@link #inputCount()} numbers each, one per example, in
   *     input-slot order
   * @return the sum of the {@code B} outputs
   * @throws NullPointerException if {@code rows} or a row is null
   * @throws IllegalArgumentException if {@code rows} is empty or a row's length is not {@link
   *     #inputCount()}; no grad changes then
   */
  public double accumulate(double[][] rows) {
    checkRows(rows);
    double sum = 0.0;
    for (int from = 0; from < rows.length; from += lanes) {
      int n = Math.min(lanes, rows.length - from);
      buffers.pass(rows, from, n);
      columns.add(buffers.data, buffers.grad, n);
      final double[] out = buffers.data[size - 1];
      for (int e = 0; e < n; e++) {
        sum += out[e];
      }
    }
    return sum;
  }

  private void checkRows(double[][] rows) {
    checkNotNull(rows, "rows");
    checkArgument(rows.length > 0, "rows must hold at least one row, got 0");
    for (int e = 0; e < rows.length; e++) {
      checkNotNull(rows[e], "rows[%s] is null", e);
      checkArgument(rows[e].length == inputCount,
          "rows[%s] has length %s, but the graph has %s input slot(s)", e, rows[e].length,
          inputCount);
    }
  }

  /**
   * The pass's buffers: a row of {@code n} lanes per slot for data and for grad, and a row of
   * zeros (what a slot's first gradient contribution is added to).
   */
  private final class Lanes {
    double[][] data = new double[0][];
    double[][] grad = new double[0][];
    double[] zero = new double[0];
    /** The parameters' numbers by slot, then the number 1 (a head's factor). */
    final double[] scalars = new double[leafCount + 1];

    Lanes() {
      scalars[leafCount] = 1.0;
    }

    /**
     * Allocates rows of {@code n} lanes, the used ones one after the other (so that the steps'
     * rows lie close together); every unused slot shares one row, which no step touches.
     */
    private void grow(int n) {
      data = new double[size][];
      grad = new double[size][];
      zero = new double[n];
      double[] unused = new double[n];
      for (int i = 0; i < size; i++) {
        data[i] = rowsUsed[i] ? new double[n] : unused;
      }
      for (int i = 0; i < size; i++) {
        grad[i] = rowsUsed[i] ? new double[n] : unused;
      }
    }

    /** Replays forward and backward for rows {@code [from, from + n)}, {@code n} lanes. */
    void pass(double[][] rows, int from, int n) {
      if (zero.length < n) {
        grow(n);
      }
      final double[][] d = data;
      for (int e = 0; e < n; e++) {
        double[] row = rows[from + e];
        for (int j = 0; j < inputCount; j++) {
          d[j][e] = row[j];
        }
      }
      final double[] sc = scalars;
      for (int i = inputCount; i < leafCount; i++) {
        sc[i] = leaves[i].data;
        if (rowRead[i]) {
          Arrays.fill(d[i], 0, n, sc[i]);
        }
      }
      for (int k = 0; k < forwardOp.length; k++) {
        if (forwardOp[k] == null) {
          FusedKernels.forward(d, sc, chainCode[forwardFrom[k]], n);
        } else {
          forwardRun(d, forwardOp[k], forwardFrom[k], forwardTo[k], n);
        }
      }
      Arrays.fill(grad[size - 1], 0, n, 1.0); // the output's; every other grad is first stored
      for (int k = 0; k < backwardOp.length; k++) {
        if (backwardOp[k] == null) {
          FusedKernels.backward(d, grad, sc, zero, groupCode[backwardFrom[k]], n);
        } else {
          backwardRun(d, grad, zero, backwardOp[k], backwardFrom[k], backwardTo[k], n);
        }
      }
    }
  }

  /**
   * Recomputes slots {@code [from, to)}, all of op {@code op}, for {@code n} lanes with the
   * table's forward, as {@link CompiledGraph}'s replay does for one example. Each common op has a
   * kernel method of its own, so that HotSpot compiles each loop with a profile of one op; each
   * slot's lanes are an array of their own, so that the loops (same index in every array) can be
   * vectorised.
   */
  private void forwardRun(double[][] d, Op op, int from, int to, int n) {
    switch (op) {
      case ADD:
        forwardAdd(d, lhs, rhs, from, to, n);
        break;
      case SUB:
        forwardSub(d, lhs, rhs, from, to, n);
        break;
      case MUL:
        forwardMul(d, lhs, rhs, from, to, n);
        break;
      case RELU:
        forwardRelu(d, lhs, from, to, n);
        break;
      default:
        forwardAny(d, op, from, to, n);
        break;
    }
  }

  private static void forwardAdd(double[][] d, int[] l, int[] r, int from, int to, int n) {
    for (int i = from; i < to; i++) {
      final double[] o = d[i];
      final double[] a = d[l[i]];
      final double[] b = d[r[i]];
      for (int e = 0; e < n; e++) {
        o[e] = Op.ADD.forward(a[e], b[e]);
      }
    }
  }

  private static void forwardSub(double[][] d, int[] l, int[] r, int from, int to, int n) {
    for (int i = from; i < to; i++) {
      final double[] o = d[i];
      final double[] a = d[l[i]];
      final double[] b = d[r[i]];
      for (int e = 0; e < n; e++) {
        o[e] = Op.SUB.forward(a[e], b[e]);
      }
    }
  }

  private static void forwardMul(double[][] d, int[] l, int[] r, int from, int to, int n) {
    for (int i = from; i < to; i++) {
      final double[] o = d[i];
      final double[] a = d[l[i]];
      final double[] b = d[r[i]];
      for (int e = 0; e < n; e++) {
        o[e] = Op.MUL.forward(a[e], b[e]);
      }
    }
  }

  private static void forwardRelu(double[][] d, int[] l, int from, int to, int n) {
    for (int i = from; i < to; i++) {
      final double[] o = d[i];
      final double[] a = d[l[i]];
      for (int e = 0; e < n; e++) {
        o[e] = Op.RELU.forward(a[e], 0.0);
      }
    }
  }

  /** Any op, through the table's {@link Op#forward}: one input and a constant, or two inputs. */
  private void forwardAny(double[][] d, Op op, int from, int to, int n) {
    if (op.kind == Op.Kind.BINARY) {
      for (int i = from; i < to; i++) {
        final double[] o = d[i];
        final double[] a = d[lhs[i]];
        final double[] b = d[rhs[i]];
        for (int e = 0; e < n; e++) {
          o[e] = op.forward(a[e], b[e]);
        }
      }
    } else {
      final boolean hidden = op.kind == Op.Kind.UNARY_CONSTANT;
      for (int i = from; i < to; i++) {
        final double c = hidden ? constants[rhs[i]] : 0.0;
        final double[] o = d[i];
        final double[] a = d[lhs[i]];
        for (int e = 0; e < n; e++) {
          o[e] = op.forward(a[e], c);
        }
      }
    }
  }

  /**
   * Propagates slots {@code [from, to)}, last first, all of op {@code op}, for {@code n} lanes:
   * per lane the same table arithmetic, in the same order, as {@link CompiledGraph}'s replay. The
   * kernels pass 0 for what an op's derivative does not read, as {@code CompiledGraph} does. A
   * slot's first contribution is added to {@code zero} (so {@code 0.0 + c}, as into a zeroed
   * grad), later ones to its grad. What a product sends into an input slot is not computed: an
   * input's grad is never read.
   */
  private void backwardRun(
      double[][] d, double[][] g, double[] zero, Op op, int from, int to, int n) {
    switch (op) {
      case ADD:
        backwardAdd(g, zero, from, to, n);
        break;
      case SUB:
        backwardSub(g, zero, from, to, n);
        break;
      case MUL:
        backwardMul(d, g, zero, from, to, n);
        break;
      case RELU:
        backwardRelu(d, g, zero, from, to, n);
        break;
      default:
        backwardAny(d, g, zero, op, from, to, n);
        break;
    }
  }

  private void backwardAdd(double[][] g, double[] zero, int from, int to, int n) {
    for (int i = to - 1; i >= from; i--) {
      final double[] up = g[i];
      final double[] ga = g[lhs[i]];
      final double[] ha = firstLeft[i] ? zero : ga;
      for (int e = 0; e < n; e++) {
        ga[e] = ha[e] + Op.ADD.leftGrad(0.0, 0.0, 0.0, up[e]);
      }
      final double[] gb = g[rhs[i]];
      final double[] hb = firstRight[i] ? zero : gb;
      for (int e = 0; e < n; e++) {
        gb[e] = hb[e] + Op.ADD.rightGrad(0.0, 0.0, 0.0, up[e]);
      }
    }
  }

  private void backwardSub(double[][] g, double[] zero, int from, int to, int n) {
    for (int i = to - 1; i >= from; i--) {
      final double[] up = g[i];
      final double[] ga = g[lhs[i]];
      final double[] ha = firstLeft[i] ? zero : ga;
      for (int e = 0; e < n; e++) {
        ga[e] = ha[e] + Op.SUB.leftGrad(0.0, 0.0, 0.0, up[e]);
      }
      final double[] gb = g[rhs[i]];
      final double[] hb = firstRight[i] ? zero : gb;
      for (int e = 0; e < n; e++) {
        gb[e] = hb[e] + Op.SUB.rightGrad(0.0, 0.0, 0.0, up[e]);
      }
    }
  }

  private void backwardMul(double[][] d, double[][] g, double[] zero, int from, int to, int n) {
    for (int i = to - 1; i >= from; i--) {
      final double[] up = g[i];
      final double[] da = d[lhs[i]];
      final double[] db = d[rhs[i]];
      if (lhs[i] >= inputCount || rhs[i] < inputCount) { // skip only an input's grad
        final double[] ga = g[lhs[i]];
        final double[] ha = firstLeft[i] ? zero : ga;
        for (int e = 0; e < n; e++) {
          ga[e] = ha[e] + Op.MUL.leftGrad(0.0, db[e], 0.0, up[e]);
        }
      }
      if (rhs[i] >= inputCount) {
        final double[] gb = g[rhs[i]];
        final double[] hb = firstRight[i] ? zero : gb;
        for (int e = 0; e < n; e++) {
          gb[e] = hb[e] + Op.MUL.rightGrad(da[e], 0.0, 0.0, up[e]);
        }
      }
    }
  }

  private void backwardRelu(double[][] d, double[][] g, double[] zero, int from, int to, int n) {
    for (int i = to - 1; i >= from; i--) {
      final double[] up = g[i];
      final double[] out = d[i];
      final double[] ga = g[lhs[i]];
      final double[] ha = firstLeft[i] ? zero : ga;
      for (int e = 0; e < n; e++) {
        ga[e] = ha[e] + Op.RELU.leftGrad(0.0, 0.0, out[e], up[e]);
      }
    }
  }

  /** Any op, through the table's {@link Op#leftGrad} and {@link Op#rightGrad}. */
  private void backwardAny(
      double[][] d, double[][] g, double[] zero, Op op, int from, int to, int n) {
    if (op.kind == Op.Kind.BINARY) {
      for (int i = to - 1; i >= from; i--) {
        final double[] up = g[i];
        final double[] out = d[i];
        final double[] da = d[lhs[i]];
        final double[] db = d[rhs[i]];
        final double[] ga = g[lhs[i]];
        final double[] ha = firstLeft[i] ? zero : ga;
        for (int e = 0; e < n; e++) {
          ga[e] = ha[e] + op.leftGrad(da[e], db[e], out[e], up[e]);
        }
        final double[] gb = g[rhs[i]];
        final double[] hb = firstRight[i] ? zero : gb;
        for (int e = 0; e < n; e++) {
          gb[e] = hb[e] + op.rightGrad(da[e], db[e], out[e], up[e]);
        }
      }
    } else {
      final boolean hidden = op.kind == Op.Kind.UNARY_CONSTANT;
      for (int i = to - 1; i >= from; i--) {
        final double c = hidden ? constants[rhs[i]] : 0.0;
        final double[] up = g[i];
        final double[] out = d[i];
        final double[] da = d[lhs[i]];
        final double[] ga = g[lhs[i]];
        final double[] ha = firstLeft[i] ? zero : ga;
        for (int e = 0; e < n; e++) {
          ga[e] = ha[e] + op.leftGrad(da[e], c, out[e], up[e]);
        }
      }
    }
  }
}
