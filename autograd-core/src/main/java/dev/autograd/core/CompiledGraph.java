package dev.autograd.core;

import static java.util.Objects.requireNonNull;

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
  private final byte[] ops;
  private final int[] lhs;
  private final int[] rhs;
  private final double[] constant; // exponents of POW_CONST nodes
  private final double[] data;
  private final double[] grad;
  private final int size;
  /** Runs of consecutive interior slots with one op: run k is {@code [runStart[k], runStart[k+1])}. */
  private final int[] runStart;
  private final byte[] runOp;
  /** {@link Value#latestVersion()} when the last {@link #forward()} began reading the leaves. */
  private long forwardVersion;

  /** Replay-only op: {@code POW_CONST} with exponent 2, replayed as {@code x * x}. */
  private static final byte SQUARE = 100;

  private CompiledGraph(Value root) {
    // Interior nodes in the order Value.backward() propagates them, then the leaves: replaying
    // backward in that same order adds every gradient in the same sequence, bit for bit.
    Value[] order = Backprop.propagationOrder(root);
    size = order.length;
    int interiorCount = 0;
    while (interiorCount < size && order[interiorCount].op != Value.LEAF) {
      interiorCount++;
    }
    leafCount = size - interiorCount;
    leaves = Arrays.copyOfRange(order, interiorCount, size);
    ops = new byte[size];
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
      ops[i] = v.op;
      lhs[i] = slot.get(v.left);
      if (v.op == Value.POW_CONST) {
        constant[i] = v.right.data;
        if (constant[i] == 2.0) {
          ops[i] = SQUARE;
        }
      } else if (v.right != null) {
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
    runOp = new byte[runs];
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
    return new CompiledGraph(requireNonNull(output, "output"));
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

  /** Returns the public op of a recorded op code. */
  static RecordedGraph.Op opOf(byte op) {
    switch (op) {
      case Value.ADD:
        return RecordedGraph.Op.ADD;
      case Value.SUB:
        return RecordedGraph.Op.SUB;
      case Value.MUL:
        return RecordedGraph.Op.MUL;
      case Value.DIV:
        return RecordedGraph.Op.DIV;
      case Value.NEG:
        return RecordedGraph.Op.NEG;
      case SQUARE:
        return RecordedGraph.Op.SQUARE;
      case Value.POW_CONST:
        return RecordedGraph.Op.POW_CONST;
      case Value.POW:
        return RecordedGraph.Op.POW;
      case Value.EXP:
        return RecordedGraph.Op.EXP;
      case Value.LOG:
        return RecordedGraph.Op.LOG;
      case Value.TANH:
        return RecordedGraph.Op.TANH;
      case Value.RELU:
        return RecordedGraph.Op.RELU;
      case Value.SIGMOID:
        return RecordedGraph.Op.SIGMOID;
      default:
        throw new AssertionError("unknown op " + op);
    }
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
    requireNonNull(node, "node");
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

  /** Recomputes the nodes of slots {@code [from, to)}, which all have op {@code op}. */
  private void forwardRun(byte op, int from, int to) {
    final double[] d = data;
    final int[] l = lhs;
    final int[] r = rhs;
    switch (op) {
      case Value.ADD:
        for (int i = from; i < to; i++) {
          d[i] = d[l[i]] + d[r[i]];
        }
        break;
      case Value.SUB:
        for (int i = from; i < to; i++) {
          d[i] = d[l[i]] - d[r[i]];
        }
        break;
      case Value.MUL:
        for (int i = from; i < to; i++) {
          d[i] = d[l[i]] * d[r[i]];
        }
        break;
      case Value.DIV:
        for (int i = from; i < to; i++) {
          d[i] = d[l[i]] / d[r[i]];
        }
        break;
      case Value.NEG:
        for (int i = from; i < to; i++) {
          d[i] = -d[l[i]];
        }
        break;
      case SQUARE:
        for (int i = from; i < to; i++) {
          double a = d[l[i]];
          d[i] = a * a;
        }
        break;
      case Value.POW_CONST:
        for (int i = from; i < to; i++) {
          d[i] = Math.pow(d[l[i]], constant[i]);
        }
        break;
      case Value.POW:
        for (int i = from; i < to; i++) {
          d[i] = Math.pow(d[l[i]], d[r[i]]);
        }
        break;
      case Value.EXP:
        for (int i = from; i < to; i++) {
          d[i] = Math.exp(d[l[i]]);
        }
        break;
      case Value.LOG:
        for (int i = from; i < to; i++) {
          d[i] = Math.log(d[l[i]]);
        }
        break;
      case Value.TANH:
        for (int i = from; i < to; i++) {
          d[i] = Math.tanh(d[l[i]]);
        }
        break;
      case Value.RELU:
        for (int i = from; i < to; i++) {
          double a = d[l[i]];
          d[i] = a < 0 ? 0.0 : a;
        }
        break;
      case Value.SIGMOID:
        for (int i = from; i < to; i++) {
          d[i] = 1.0 / (1.0 + Math.exp(-d[l[i]]));
        }
        break;
      default:
        throw new AssertionError("unknown op " + op);
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
   * the same arithmetic, in the same order, as {@link Value#propagate()}.
   */
  private void backwardRun(byte op, int from, int to) {
    final double[] d = data;
    final double[] g = grad;
    final int[] l = lhs;
    final int[] r = rhs;
    switch (op) {
      case Value.ADD:
        for (int i = to - 1; i >= from; i--) {
          double up = g[i];
          g[l[i]] += up;
          g[r[i]] += up;
        }
        break;
      case Value.SUB:
        for (int i = to - 1; i >= from; i--) {
          double up = g[i];
          g[l[i]] += up;
          g[r[i]] -= up;
        }
        break;
      case Value.MUL:
        for (int i = to - 1; i >= from; i--) {
          double up = g[i];
          int a = l[i];
          int b = r[i];
          g[a] += d[b] * up;
          g[b] += d[a] * up;
        }
        break;
      case Value.DIV:
        for (int i = to - 1; i >= from; i--) {
          double up = g[i];
          int a = l[i];
          int b = r[i];
          g[a] += up / d[b];
          g[b] -= up * d[a] / (d[b] * d[b]);
        }
        break;
      case Value.NEG:
        for (int i = to - 1; i >= from; i--) {
          g[l[i]] -= g[i];
        }
        break;
      case SQUARE:
        for (int i = to - 1; i >= from; i--) {
          int a = l[i];
          g[a] += 2.0 * d[a] * g[i];
        }
        break;
      case Value.POW_CONST:
        for (int i = to - 1; i >= from; i--) {
          int a = l[i];
          g[a] += Value.powBaseSlope(d[a], constant[i]) * g[i];
        }
        break;
      case Value.POW:
        for (int i = to - 1; i >= from; i--) {
          double up = g[i];
          int a = l[i];
          int b = r[i];
          g[a] += Value.powBaseSlope(d[a], d[b]) * up;
          g[b] += Value.powExponentSlope(d[a], d[i]) * up;
        }
        break;
      case Value.EXP:
        for (int i = to - 1; i >= from; i--) {
          g[l[i]] += d[i] * g[i];
        }
        break;
      case Value.LOG:
        for (int i = to - 1; i >= from; i--) {
          int a = l[i];
          g[a] += g[i] / d[a];
        }
        break;
      case Value.TANH:
        for (int i = to - 1; i >= from; i--) {
          g[l[i]] += (1 - d[i] * d[i]) * g[i];
        }
        break;
      case Value.RELU:
        for (int i = to - 1; i >= from; i--) {
          g[l[i]] += Value.reluSlope(d[i]) * g[i];
        }
        break;
      case Value.SIGMOID:
        for (int i = to - 1; i >= from; i--) {
          g[l[i]] += d[i] * (1 - d[i]) * g[i];
        }
        break;
      default:
        throw new AssertionError("unknown op " + op);
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
