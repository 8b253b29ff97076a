package dev.autograd.core;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Value} graph recorded once into flat arrays, then replayed: each {@link #forward()}
 * re-reads every leaf's {@code data} and recomputes the output; each {@link #backward()} writes
 * every leaf's {@code grad}. Replays allocate nothing.
 *
 * <p>Typical use: build the loss once, compile it, then loop {@code optimizer-updates-parameters;
 * compiled.forwardBackward();}. This is the same arithmetic as rebuilding the graph and calling
 * {@link Value#backward()}, without creating nodes or searching the graph each step.
 *
 * <p><b>Valid only while the graph's structure is unchanged.</b> The record holds the operations
 * and wiring at compile time: changing a leaf's data (through {@link Value#setData}) is what replay
 * is for, but a model whose structure depends on data (a branch on a value, a different number of
 * inputs) must be compiled again. Interior nodes' {@code Value} objects are not updated by replay;
 * read results from {@link #output()} and {@link #gradOf(Value)}.
 *
 * <p>Not thread-safe: one instance replays on one thread at a time.
 */
public final class CompiledGraph {
  private final Value[] leaves;
  private final int leafCount;
  private final Op[] ops;
  private final int[] lhs;
  private final int[] rhs;
  /** The hidden constant of each node whose op has one; 0 elsewhere. */
  private final double[] constant;
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

  private CompiledGraph(Value root) {
    // Interior nodes in the order Value.backward() propagates them, then the leaves: replaying
    // backward in that same order adds every gradient in the same sequence, bit for bit.
    Value[] order = Backprop.propagationOrder(root);
    size = order.length;
    int interiorCount = 0;
    while (interiorCount < size && order[interiorCount].left != null) {
      interiorCount++;
    }
    leafCount = size - interiorCount;
    leaves = Arrays.copyOfRange(order, interiorCount, size);
    ops = new Op[size];
    lhs = new int[size];
    rhs = new int[size];
    constant = new double[size];
    data = new double[size];
    grad = new double[size];
    Map<Value, Integer> slot = new IdentityHashMap<>(size * 2);
    for (int i = 0; i < leafCount; i++) {
      slot.put(leaves[i], i);
    }
    // Slots: leaves first, then interior nodes by increasing level (the reverse of the order).
    for (int k = interiorCount - 1; k >= 0; k--) {
      slot.put(order[k], size - 1 - k);
    }
    for (int k = 0; k < interiorCount; k++) {
      Value v = order[k];
      int i = size - 1 - k;
      Op op = Op.of(v.op);
      ops[i] = op;
      lhs[i] = slot.get(v.left);
      if (op.kind == Op.Kind.UNARY_CONSTANT) {
        constant[i] = v.right.data;
      } else if (op.kind == Op.Kind.BINARY) {
        rhs[i] = slot.get(v.right);
      }
    }
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
        runOp[k++] = ops[i];
      }
    }
    runStart[runs] = size;
    forward();
  }

  /**
   * Records the graph that ends at {@code output}. Costs one traversal plus a few arrays of the
   * graph's size; the recorded output equals {@code output.data()} at compile time.
   *
   * @throws NullPointerException if {@code output} is null
   */
  public static CompiledGraph compile(Value output) {
    return new CompiledGraph(checkNotNull(output, "output"));
  }

  /** Returns the number of nodes recorded, leaves included. */
  public int size() {
    return size;
  }

  /** Returns the leaves the replay reads and writes, in recording order. */
  public List<Value> leaves() {
    return List.of(leaves);
  }

  /**
   * Returns a read-only view of the record this graph replays (slots, ops, inputs), for code
   * generators; it shares this graph's leaves.
   */
  public RecordedGraph recorded() {
    return new RecordedGraph(List.of(leaves), ops, lhs, rhs, constant);
  }

  /** Returns the output's value as of the last {@link #forward()}. */
  public double output() {
    return data[size - 1];
  }

  /**
   * Returns the output's derivative with respect to {@code node} as of the last {@link
   * #backward()}, for a leaf of the recorded graph (a linear search over the leaves).
   *
   * @throws IllegalArgumentException if {@code node} is not part of this graph
   */
  public double gradOf(Value node) {
    checkNotNull(node, "node");
    for (int i = 0; i < leafCount; i++) {
      if (leaves[i] == node) {
        return grad[i];
      }
    }
    throw new IllegalArgumentException("node " + node + " is not a leaf of this compiled graph");
  }

  /**
   * Re-reads every leaf's data, recomputes every node in recording order and returns the output.
   */
  public double forward() {
    final double[] d = data;
    final Value[] lv = leaves;
    forwardVersion = Value.latestVersion();
    for (int i = 0; i < leafCount; i++) {
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
        if (op.kind == Op.Kind.BINARY) {
          for (int i = from; i < to; i++) {
            d[i] = op.forward(d[l[i]], d[r[i]]);
          }
        } else {
          for (int i = from; i < to; i++) {
            d[i] = op.forward(d[l[i]], constant[i]);
          }
        }
        break;
    }
  }

  /**
   * Sets every recorded grad to {@code 0}, the output's to {@code 1}, propagates in reverse
   * recording order using the data of the last {@link #forward()}, and writes each leaf's
   * gradient into its {@code grad} — the same semantics as {@link Value#backward()}.
   *
   * @throws IllegalStateException if a leaf was changed by {@link Value#setData} since the last
   *     {@link #forward()} (the recorded data would be stale); no grad is changed then
   */
  public void backward() {
    checkLeavesUnchangedSinceForward();
    final double[] g = grad;
    Arrays.fill(g, 0.0);
    g[size - 1] = 1.0;
    for (int k = runOp.length - 1; k >= 0; k--) {
      backwardRun(runOp[k], runStart[k], runStart[k + 1]);
    }
    final Value[] lv = leaves;
    for (int i = 0; i < leafCount; i++) {
      lv[i].grad = g[i];
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
        if (op.kind == Op.Kind.BINARY) {
          for (int i = to - 1; i >= from; i--) {
            int a = l[i];
            int b = r[i];
            g[a] += op.leftGrad(d[a], d[b], d[i], g[i]);
            g[b] += op.rightGrad(d[a], d[b], d[i], g[i]);
          }
        } else {
          for (int i = to - 1; i >= from; i--) {
            int a = l[i];
            g[a] += op.leftGrad(d[a], constant[i], d[i], g[i]);
          }
        }
        break;
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
    for (int i = 0; i < leafCount; i++) {
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
