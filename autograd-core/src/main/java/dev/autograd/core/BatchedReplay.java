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
 * <h2>Layout: slot-major lanes</h2>
 *
 * The replay holds {@code size() × n} numbers of data and as many of grad for a pass over
 * {@code n ≤ lanes()} examples, slot {@code i} of example {@code e} at {@code i * n + e}: each
 * recorded node becomes one loop over the examples ({@code d[i*n+e] = f(d[a*n+e], d[b*n+e])}),
 * which HotSpot compiles into tight, unrolled code, so reading a node's op and wiring is paid once
 * per pass rather than once per example. Input slots take each example's row; the other leaves
 * (the parameters) have their {@code data} copied into every lane. A minibatch of more than
 * {@code lanes()} rows is replayed in passes of {@code lanes()} rows, in row order. The buffers
 * are kept for the next call and grow to the largest pass seen ({@code 2 × size() × min(B,
 * lanes())} doubles).
 *
 * <h2>Same numbers as per-example replay</h2>
 *
 * Each example's arithmetic is the per-example replay's (the same table functions of {@link Op},
 * in the same node order, from grads of 0 and an output grad of 1), so each example's leaf
 * gradient is the same column of numbers; those columns are then added into each parameter's
 * grad one example after the other in row order ({@code p.grad = column[e] + p.grad}), as the
 * per-example replay adds them, and the outputs are summed from 0 in row order. NaN and
 * infinities propagate exactly as in the per-example replay.
 *
 * <p>Reads the parameters' {@code data} once per pass; valid while the compiled graph is (same
 * structure). Not thread-safe: one instance replays on one thread at a time; it shares the
 * compiled graph's record, not its buffers, so the graph may keep replaying on its own.
 */
public final class BatchedReplay {
  /** The default number of examples per pass: a pass of a 5,000-node graph fits in L2 cache. */
  public static final int DEFAULT_LANES = 32;

  /** Leaves by slot: the input leaves, then the parameters. */
  private final Value[] leaves;
  private final int inputCount;
  private final int leafCount;
  private final int size;
  private final int[] lhs;
  private final int[] rhs;
  private final double[] constant;
  /** Runs of consecutive interior slots with one op: run k is {@code [runStart[k], runStart[k+1])}. */
  private final int[] runStart;
  private final Op[] runOp;
  private final int lanes;
  private double[] data = new double[0];
  private double[] grad = new double[0];

  private BatchedReplay(CompiledGraph graph, int lanes) {
    RecordedGraph record = graph.recorded();
    this.leaves = record.leaves().toArray(new Value[0]);
    this.inputCount = graph.inputCount();
    this.leafCount = leaves.length;
    this.size = record.size();
    this.lhs = record.lefts();
    this.rhs = record.rights();
    this.constant = record.constants();
    this.lanes = lanes;
    Op[] table = record.table();
    int runs = 0;
    for (int i = leafCount; i < size; i++) {
      if (i == leafCount || table[i] != table[i - 1]) {
        runs++;
      }
    }
    runStart = new int[runs + 1];
    runOp = new Op[runs];
    int k = 0;
    for (int i = leafCount; i < size; i++) {
      if (i == leafCount || table[i] != table[i - 1]) {
        runStart[k] = i;
        runOp[k++] = table[i];
      }
    }
    runStart[runs] = size;
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
    checkNotNull(graph, "graph");
    checkArgument(graph.inputCount() > 0,
        "the graph has no input slots: compile it with compile(output, inputs)");
    checkArgument(lanes >= 1, "lanes must be at least 1, got %s", lanes);
    return new BatchedReplay(graph, lanes);
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
      pass(rows, from, n);
      addLeafGrads(n);
      final double[] d = data;
      final int out = (size - 1) * n;
      for (int e = 0; e < n; e++) {
        sum += d[out + e];
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

  /** Replays forward and backward for rows {@code [from, from + n)}, {@code n} lanes. */
  private void pass(double[][] rows, int from, int n) {
    int needed = size * n;
    if (data.length < needed) {
      data = new double[needed];
      grad = new double[needed];
    }
    final double[] d = data;
    for (int e = 0; e < n; e++) {
      double[] row = rows[from + e];
      for (int j = 0; j < inputCount; j++) {
        d[j * n + e] = row[j];
      }
    }
    for (int i = inputCount; i < leafCount; i++) {
      Arrays.fill(d, i * n, i * n + n, leaves[i].data);
    }
    for (int k = 0; k < runOp.length; k++) {
      forwardRun(runOp[k], runStart[k], runStart[k + 1], n);
    }
    final double[] g = grad;
    Arrays.fill(g, 0, needed, 0.0);
    Arrays.fill(g, needed - n, needed, 1.0);
    for (int k = runOp.length - 1; k >= 0; k--) {
      backwardRun(runOp[k], runStart[k], runStart[k + 1], n);
    }
  }

  /** Adds each example's parameter gradients, example after example: {@code column + grad}. */
  private void addLeafGrads(int n) {
    final double[] g = grad;
    for (int i = inputCount; i < leafCount; i++) {
      Value leaf = leaves[i];
      double sum = leaf.grad;
      for (int e = i * n, end = e + n; e < end; e++) {
        sum = g[e] + sum;
      }
      leaf.grad = sum;
    }
  }

  /**
   * Recomputes slots {@code [from, to)}, all of op {@code op}, for {@code n} lanes with the
   * table's forward, as {@link CompiledGraph}'s replay does for one example.
   */
  private void forwardRun(Op op, int from, int to, int n) {
    final double[] d = data;
    final int[] l = lhs;
    final int[] r = rhs;
    switch (op) {
      case ADD:
        for (int i = from; i < to; i++) {
          for (int o = i * n, a = l[i] * n, b = r[i] * n, end = o + n; o < end; o++, a++, b++) {
            d[o] = Op.ADD.forward(d[a], d[b]);
          }
        }
        break;
      case SUB:
        for (int i = from; i < to; i++) {
          for (int o = i * n, a = l[i] * n, b = r[i] * n, end = o + n; o < end; o++, a++, b++) {
            d[o] = Op.SUB.forward(d[a], d[b]);
          }
        }
        break;
      case MUL:
        for (int i = from; i < to; i++) {
          for (int o = i * n, a = l[i] * n, b = r[i] * n, end = o + n; o < end; o++, a++, b++) {
            d[o] = Op.MUL.forward(d[a], d[b]);
          }
        }
        break;
      case SQUARE:
        for (int i = from; i < to; i++) {
          for (int o = i * n, a = l[i] * n, end = o + n; o < end; o++, a++) {
            d[o] = Op.SQUARE.forward(d[a], 0.0);
          }
        }
        break;
      case RELU:
        for (int i = from; i < to; i++) {
          for (int o = i * n, a = l[i] * n, end = o + n; o < end; o++, a++) {
            d[o] = Op.RELU.forward(d[a], 0.0);
          }
        }
        break;
      case TANH:
        for (int i = from; i < to; i++) {
          for (int o = i * n, a = l[i] * n, end = o + n; o < end; o++, a++) {
            d[o] = Op.TANH.forward(d[a], 0.0);
          }
        }
        break;
      default:
        if (op.kind == Op.Kind.BINARY) {
          for (int i = from; i < to; i++) {
            for (int o = i * n, a = l[i] * n, b = r[i] * n, end = o + n; o < end;
                o++, a++, b++) {
              d[o] = op.forward(d[a], d[b]);
            }
          }
        } else {
          for (int i = from; i < to; i++) {
            double c = constant[i];
            for (int o = i * n, a = l[i] * n, end = o + n; o < end; o++, a++) {
              d[o] = op.forward(d[a], c);
            }
          }
        }
        break;
    }
  }

  /**
   * Propagates slots {@code [from, to)}, last first, all of op {@code op}, for {@code n} lanes:
   * per lane the same table arithmetic, in the same order, as {@link CompiledGraph}'s replay.
   */
  private void backwardRun(Op op, int from, int to, int n) {
    final double[] d = data;
    final double[] g = grad;
    final int[] l = lhs;
    final int[] r = rhs;
    switch (op) {
      // As in CompiledGraph: 0 for what an op's derivative does not read.
      case ADD:
        for (int i = to - 1; i >= from; i--) {
          for (int o = i * n, a = l[i] * n, b = r[i] * n, end = o + n; o < end; o++, a++, b++) {
            double up = g[o];
            g[a] += Op.ADD.leftGrad(0.0, 0.0, 0.0, up);
            g[b] += Op.ADD.rightGrad(0.0, 0.0, 0.0, up);
          }
        }
        break;
      case SUB:
        for (int i = to - 1; i >= from; i--) {
          for (int o = i * n, a = l[i] * n, b = r[i] * n, end = o + n; o < end; o++, a++, b++) {
            double up = g[o];
            g[a] += Op.SUB.leftGrad(0.0, 0.0, 0.0, up);
            g[b] += Op.SUB.rightGrad(0.0, 0.0, 0.0, up);
          }
        }
        break;
      case MUL:
        for (int i = to - 1; i >= from; i--) {
          for (int o = i * n, a = l[i] * n, b = r[i] * n, end = o + n; o < end; o++, a++, b++) {
            double up = g[o];
            double da = d[a];
            double db = d[b];
            g[a] += Op.MUL.leftGrad(da, db, 0.0, up);
            g[b] += Op.MUL.rightGrad(da, db, 0.0, up);
          }
        }
        break;
      case SQUARE:
        for (int i = to - 1; i >= from; i--) {
          for (int o = i * n, a = l[i] * n, end = o + n; o < end; o++, a++) {
            g[a] += Op.SQUARE.leftGrad(d[a], 0.0, 0.0, g[o]);
          }
        }
        break;
      case RELU:
        for (int i = to - 1; i >= from; i--) {
          for (int o = i * n, a = l[i] * n, end = o + n; o < end; o++, a++) {
            g[a] += Op.RELU.leftGrad(0.0, 0.0, d[o], g[o]);
          }
        }
        break;
      case TANH:
        for (int i = to - 1; i >= from; i--) {
          for (int o = i * n, a = l[i] * n, end = o + n; o < end; o++, a++) {
            g[a] += Op.TANH.leftGrad(d[a], 0.0, d[o], g[o]);
          }
        }
        break;
      default:
        if (op.kind == Op.Kind.BINARY) {
          for (int i = to - 1; i >= from; i--) {
            for (int o = i * n, a = l[i] * n, b = r[i] * n, end = o + n; o < end;
                o++, a++, b++) {
              g[a] += op.leftGrad(d[a], d[b], d[o], g[o]);
              g[b] += op.rightGrad(d[a], d[b], d[o], g[o]);
            }
          }
        } else {
          for (int i = to - 1; i >= from; i--) {
            double c = constant[i];
            for (int o = i * n, a = l[i] * n, end = o + n; o < end; o++, a++) {
              g[a] += op.leftGrad(d[a], c, d[o], g[o]);
            }
          }
        }
        break;
    }
  }
}
