package dev.autograd.core;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reverse-mode sweeps over a {@link Value} graph, without recursion, hashing or sorting.
 *
 * <p>{@link #backward(Value)} makes one pass: it visits the reachable nodes in decreasing {@link
 * Value#level} (a reverse topological order; pending nodes wait in a bucket queue by level),
 * zeroing each node's grad when it is first reached and propagating a node once every node made
 * from it has been propagated. {@link CompiledGraph} records the same order, so that its replay
 * adds gradients in the same sequence, bit for bit. {@link #topologicalOrder(Value)} lists the
 * reachable nodes by an iterative depth-first search, for {@link DotGraph}. A node's {@code
 * visited} flag marks it during a sweep and is always clear between calls.
 */
final class Backprop {
  /** Numbers the backward passes (a pass's number is never reused: no wrap in 2^63 passes). */
  private static final AtomicLong PASSES = new AtomicLong();

  private Backprop() {}

  /**
   * The reference program's {@code backward()} in one pass: every node reachable from {@code root} ends with
   * {@code d(root)/d(node)}, starting from grad 0, the root's from 1.
   */
  static void backward(Value root) {
    Propagation sweep = new Propagation();
    root.grad = 1.0;
    sweep.run(root);
    if (sweep.anomaly != null) {
      throw sweep.anomaly;
    }
  }

  /**
   * Returns every node reachable from {@code root}, each once: the interior nodes in the order
   * {@link #backward(Value)} propagates them (the root first), then the leaves. Touches no grad.
   */
  static Value[] propagationOrder(Value root) {
    return record(root).order();
  }

  /**
   * The sweep of {@link #propagationOrder(Value)}, its two lists left uncopied: the interior
   * nodes {@code interior(0 .. interiorCount - 1)} then {@code leaves[0 .. leafCount)} is that
   * order.
   */
  static Recording record(Value root) {
    return run(new Recording(root.level + 1, null), root);
  }

  /**
   * As {@link #record(Value)}, and the {@code k}-th interior node's grad is moved to {@code
   * kept[k]} and its grad field holds its position in the record instead ({@code k} plus {@code
   * 2n - 1} for each earlier dot node of {@code n} products, {@code 2n} for a fused relu-dot
   * node; see {@link Recording#width}; the caller
   * puts the grads back), so that a recorder needs no second walk over the nodes to number them.
   */
  static Recording recordHoldingGrads(Value root) {
    // A node of level L has at least L interior nodes below it and itself: a chain never grows.
    // Room for a few leaves too, so that a chain's recorder can keep kept as its grad array.
    int capacity = root.level + 1;
    return run(new Recording(capacity, new double[Math.max(16, capacity) + 16]), root);
  }

  private static Recording run(Recording sweep, Value root) {
    sweep.run(root);
    return sweep;
  }

  /**
   * One visit of the nodes reachable from a root in decreasing level: each node is {@link
   * #reached} once, when first met, and each interior node is then {@link #ready} once every
   * node made from it has been; the leaves are kept to clear their flags at the end.
   */
  private abstract static class Sweep {
    Value[] leaves = new Value[16];
    int leafCount;
    /**
     * A node below this version has its inputs checked for changes since it was built ({@link
     * Value#checkInputsUnchanged}) when it is visited; none by default.
     */
    long staleBelow = Long.MIN_VALUE;
    /** This thread's {@link Sizes}, read when the sweep starts and updated when it completes. */
    private int[] sizes;

    /** Called once per reachable node (root excluded), when it is first met. */
    abstract void reached(Value v);

    /** Called once per interior node, in decreasing level, when its grad is complete. */
    abstract void ready(Value v);

    /** Grows any storage {@link #ready} writes for {@code v}, before it is taken off the queue. */
    void reserve(Value v) {}

    /**
     * Meets input {@code in} of the node being visited: flags and reports it when first met, keeps
     * a leaf, and returns the interior node to go on to ({@code next} or a newly met {@code in},
     * whichever has the higher level, {@code next} at a tie; the other waits in {@code pending}).
     */
    final Value reach(Value in, Value next, Pending pending) {
      if (in.visited) {
        return next;
      }
      in.visited = true;
      reached(in);
      if (in.left == null) {
        leaves[leafCount++] = in;
        return next;
      }
      if (next == null) {
        return in;
      }
      if (in.level > next.level) {
        pending.push(next);
        return in;
      }
      pending.push(in);
      return next;
    }

    /**
     * Reaches the inputs of dot node {@code v} in order, its start then its factors, then calls
     * {@link #ready}; returns the interior node to go on to, as {@link #reach}.
     */
    Value visitDot(DotValue v, Pending pending) {
      Value[] a = v.a.elements;
      Value[] b = v.b.elements;
      Value next = reach(v.left, null, pending);
      for (int k = 0; k < a.length; k++) {
        next = reach(a[k], next, pending);
        next = reach(b[k], next, pending);
      }
      ready(v);
      return next;
    }

    /** Undoes what {@link #ready} changed in the nodes, when the sweep fails. */
    void abandon() {}

    /** Returns an empty queue, {@link #leaves} and the queue sized as the thread's last sweep's. */
    private Pending start() {
      sizes = Sizes.ofThread();
      int room = Sizes.withRoom(sizes[Sizes.LEAVES]);
      if (room > leaves.length) {
        leaves = new Value[room];
      }
      return new Pending(sizes[Sizes.LEVELS]);
    }

    final void run(Value root) {
      Pending pending = start();
      try {
        root.visited = true;
        if (root.left == null) {
          leaves[leafCount++] = root;
        }
        Value v = root.left == null ? null : root;
        while (v != null) {
          // Grow first: nothing below allocates, so no node is left flagged if growing fails.
          boolean dot = v.op == Op.DOT_CODE;
          int room = dot ? 2 * ((DotValue) v).terms() + 1 : 2;
          if (leafCount + room > leaves.length) {
            leaves = Arrays.copyOf(leaves, Math.max(leaves.length * 2, leafCount + room));
          }
          reserve(v);
          v.visited = false;
          if (v.version() < staleBelow) { // before any input is reached: no flag left on a throw
            v.checkInputsUnchanged();
          }
          Value next;
          if (dot) {
            next = visitDot((DotValue) v, pending);
          } else {
            // The inputs in order: left, then right (a binary op).
            next = reach(v.left, null, pending);
            if (Op.readsRight(v.op)) {
              next = reach(v.right, next, pending);
            }
            ready(v);
          }
          // Go straight on to the new input when nothing pending must come first (chains and
          // left-leaning sums never touch the queue).
          if (next == null || pending.topLevel() > next.level) {
            if (next != null) {
              pending.push(next);
            }
            next = pending.pop();
          }
          v = next;
        }
        clearVisited(leaves, leafCount);
        Sizes.record(sizes, leafCount, pending);
      } catch (RuntimeException | Error e) {
        abandon();
        clearVisited(leaves, leafCount);
        pending.clearVisited();
        throw e;
      }
    }
  }

  /** Zeroes each grad when its node is reached and propagates each interior node when ready. */
  private static final class Propagation extends Sweep {
    private final boolean checked = AnomalyDetection.enabled;

    // Only nodes below the latest version handed out when the pass began are checked: a node at it
    // or above has no input changed after it was built (an input's version is at most that one,
    // and the node's is at least its inputs' were). After an optimizer step, which gives all
    // parameters one new version, none is.
    {
      staleBelow = Value.latestVersion();
    }

    /** This pass's number, which no other pass has: see {@link ValueVector#reachedIn}. */
    private final long pass = PASSES.incrementAndGet();
    /** The first anomaly seen, thrown once the pass has completed. */
    AnomalyException anomaly;

    @Override
    void reached(Value v) {
      v.grad = 0.0;
    }

    /**
     * Reaches each input of dot node {@code v} and adds its contribution at once, instead of
     * reaching them all and then propagating: one walk over the factors instead of two. The grads
     * are those of {@link DotValue#propagate()} bit for bit: an input's grad is zeroed when first
     * reached, which is still before the first contribution added into it (a factor given twice
     * is zeroed at its first place and receives both), and the contributions come in the same
     * order. With {@link AnomalyDetection} on, the two walks stay apart.
     *
     * <p>A factor vector shared by several dot nodes (a neuron's weights, a layer's input) is
     * reached in full by the first of them this pass meets; the pass stamps it, and the others skip
     * reaching its elements, which would find every one already met: flagged and waiting, or a
     * leaf (an interior node is propagated only after every node made from it).
     *
     * <p>A fused relu-dot node ({@link ReluDotValue}) is visited the same way, once: its sum's
     * grad is computed first from its own ({@link DotValue#sumGrad()}), then sent on.
     */
    @Override
    Value visitDot(DotValue v, Pending pending) {
      if (checked) {
        return super.visitDot(v, pending);
      }
      final double up = v.sumGrad();
      final double g = DotValue.productGrad(up);
      Value next = reach(v.left, null, pending);
      v.left.grad += v.startGrad(up);
      if (v.a.reachedIn != pass || v.b.reachedIn != pass) {
        return reachFactors(v, g, next, pending);
      }
      v.addProductGrads(g);
      return next;
    }

    /**
     * The factors' half of {@link #visitDot} when a factor vector is not yet stamped in this pass:
     * reaches the elements of each such vector while adding the products' contributions ({@code g}
     * their upstream grad), then stamps both. Kept apart so that the common case, both stamped,
     * stays small enough for the JIT to inline into the sweep's loop.
     */
    private Value reachFactors(DotValue v, double g, Value next, Pending pending) {
      final ValueVector va = v.a;
      final ValueVector vb = v.b;
      final Value[] fa = va.elements;
      final Value[] fb = vb.elements;
      boolean reachA = va.reachedIn != pass;
      boolean reachB = vb.reachedIn != pass;
      for (int k = 0; k < fa.length; k++) {
        Value a = fa[k];
        Value b = fb[k];
        double da = a.data;
        double db = b.data;
        if (reachA) {
          next = reach(a, next, pending);
        }
        a.grad += Op.MUL.leftGrad(da, db, 0.0, g);
        if (reachB) {
          next = reach(b, next, pending);
        }
        b.grad += Op.MUL.rightGrad(da, db, 0.0, g);
      }
      va.reachedIn = pass;
      vb.reachedIn = pass;
      return next;
    }

    @Override
    void ready(Value v) {
      v.propagate();
      if (checked && anomaly == null) {
        anomaly = AnomalyDetection.backwardAnomaly(v);
      }
    }
  }

  /**
   * Records the interior nodes in the order they become ready; touches no grad unless asked to
   * hold grads. The order is kept in chunks of at most {@value #CHUNK} references rather than one
   * array of the graph's size: an array that large is allocated outside the young generation, and
   * G1's write barrier then makes every reference stored into it expensive (a memory fence per
   * store), which cost compiling a 10^6-node chain about a third of its time.
   */
  static final class Recording extends Sweep {
    /** References per chunk (a power of two), well below G1's smallest humongous object. */
    static final int CHUNK = 1 << 15;

    private static final int CHUNK_BITS = Integer.numberOfTrailingZeros(CHUNK);
    /** {@code chunks[k / CHUNK][k % CHUNK]} is the {@code k}-th interior node; chunk 0 may be shorter. */
    private Value[][] chunks = new Value[4][];
    /** The chunk the next interior node goes into. */
    private Value[] current;
    int interiorCount;
    /**
     * Slots the interior nodes take when recorded ({@link #width}): {@code interiorCount} plus
     * {@code 2n - 1} per dot node of {@code n} products ({@code 2n} if fused with its relu).
     */
    int positions;
    /** With held grads: {@code kept[k]} is the {@code k}-th interior node's grad; else null. */
    double[] kept;

    /** A recording sized for {@code capacity} interior nodes, holding grads in {@code kept}. */
    Recording(int capacity, double[] kept) {
      current = new Value[Math.max(16, Math.min(CHUNK, capacity))];
      chunks[0] = current;
      this.kept = kept;
    }

    /** Returns the {@code k}-th interior node in ready order, {@code 0 <= k < interiorCount}. */
    Value interior(int k) {
      return chunks[k >>> CHUNK_BITS][k & (CHUNK - 1)];
    }

    /**
     * Returns chunk {@code c} of the interior nodes: {@code interior(c * CHUNK + j)} is its
     * element {@code j}, for {@code j < min(CHUNK, interiorCount - c * CHUNK)}.
     */
    Value[] chunk(int c) {
      return chunks[c];
    }

    @Override
    void reached(Value v) {}

    /**
     * Returns how many slots {@code v} takes in a record: 1, or {@code 2n} for a dot node of
     * {@code n} products, recorded as the chain of {@code n} products and {@code n} sums it
     * stands for, {@code 2n + 1} for a fused relu-dot node (the relu over that chain).
     */
    static int width(Value v) {
      return v.op == Op.DOT_CODE ? ((DotValue) v).width() : 1;
    }

    @Override
    void reserve(Value v) {
      int k = interiorCount;
      if (kept != null && k == kept.length) {
        kept = Arrays.copyOf(kept, k * 2 + 16);
      }
      int j = k & (CHUNK - 1);
      if (k < CHUNK) {
        if (k == current.length) {
          current = Arrays.copyOf(current, Math.min(CHUNK, k * 2));
          chunks[0] = current;
        }
      } else if (j == 0) {
        int c = k >>> CHUNK_BITS;
        if (c == chunks.length) {
          chunks = Arrays.copyOf(chunks, c * 2);
        }
        if (chunks[c] == null) {
          chunks[c] = new Value[CHUNK];
        }
        current = chunks[c];
      }
    }

    @Override
    void ready(Value v) {
      int k = interiorCount++;
      if (kept != null) {
        kept[k] = v.grad;
        v.grad = positions;
      }
      positions += width(v);
      current[k & (CHUNK - 1)] = v;
    }

    @Override
    void abandon() {
      for (int k = 0; kept != null && k < interiorCount; k++) {
        interior(k).grad = kept[k];
      }
    }

    /** Returns the interior nodes in ready order, then the leaves. */
    Value[] order() {
      Value[] order = new Value[interiorCount + leafCount];
      for (int c = 0, k = 0; k < interiorCount; c++) {
        int n = Math.min(chunks[c].length, interiorCount - k);
        System.arraycopy(chunks[c], 0, order, k, n);
        k += n;
      }
      System.arraycopy(leaves, 0, order, interiorCount, leafCount);
      return order;
    }
  }

  /**
   * Adds {@code d(root)/d(node)} into the grad of every node reachable from {@code root}: the
   * grads are set aside, a {@link #backward(Value)} runs in the same order, and they are added
   * back, so the added gradients are bit for bit those {@code backward} computes.
   */
  static void accumulate(Value root) {
    Value[] order = propagationOrder(root);
    int n = order.length;
    // Checked before any grad changes, so a stale graph leaves the accumulated grads as they were.
    for (int i = 0; i < n && order[i].left != null; i++) {
      order[i].checkInputsUnchanged();
    }
    double[] kept = new double[n];
    for (int i = 0; i < n; i++) {
      kept[i] = order[i].grad;
      order[i].grad = 0.0;
    }
    root.grad = 1.0;
    boolean checked = AnomalyDetection.enabled;
    AnomalyException anomaly = null;
    for (int i = 0; i < n && order[i].left != null; i++) {
      order[i].propagate();
      if (checked && anomaly == null) {
        anomaly = AnomalyDetection.backwardAnomaly(order[i]);
      }
    }
    for (int i = 0; i < n; i++) {
      order[i].grad += kept[i];
    }
    if (anomaly != null) {
      throw anomaly;
    }
  }

  /**
   * Interior nodes waiting for their grads to be complete: a bucket queue with one LIFO list per
   * level, since the levels taken out never increase. A list is linked through its nodes' {@link
   * Value#labelOrNext} fields (null again once a node is taken out), so pushing and popping write
   * no array but {@code head}. Constant time per node, amortized over the levels.
   */
  private static final class Pending {
    /** {@code head[level]}: the last node pushed at that level, or null. */
    private Value[] head;
    /** No pending node has a higher level. */
    private int top = -1;

    /** An empty queue with room for {@code levels} levels. */
    Pending(int levels) {
      head = new Value[Math.max(16, levels)];
    }

    /** Returns the number of levels this queue has room for. */
    int levels() {
      return head.length;
    }

    /** Returns the highest pending level, or -1 if nothing is pending. */
    int topLevel() {
      while (top >= 0 && head[top] == null) {
        top--;
      }
      return top;
    }

    /** Adds {@code v}, clearing its flag again if there is no memory to hold it. */
    void push(Value v) {
      int level = v.level;
      if (level >= head.length) {
        try {
          head = Arrays.copyOf(head, Math.max(level + 1, head.length * 2));
        } catch (OutOfMemoryError e) {
          v.visited = false;
          throw e;
        }
      }
      v.labelOrNext = head[level];
      head[level] = v;
      if (level > top) {
        top = level;
      }
    }

    /** Removes and returns a node of the highest level, or null if nothing is pending. */
    Value pop() {
      int level = topLevel();
      if (level < 0) {
        return null;
      }
      Value v = head[level];
      head[level] = (Value) v.labelOrNext;
      v.labelOrNext = null;
      return v;
    }

    /** Takes every pending node out, clearing its flag. */
    void clearVisited() {
      for (int level = 0; level < head.length; level++) {
        Value v = head[level];
        head[level] = null;
        while (v != null) {
          Value next = (Value) v.labelOrNext;
          v.labelOrNext = null;
          v.visited = false;
          v = next;
        }
      }
    }
  }

  /**
   * The sizes the arrays of a thread's last completed sweep grew to, with which its next sweep
   * starts: a graph is usually differentiated step after step, and growing the arrays from 16
   * elements in every pass cost 17% of demo 2's eager step and 1-4% of the moons MLP's (whose
   * pass grew about 42 KB of them; results-2026-11-30-eager4.md).
   * The arrays themselves are new each time: a reused array would soon be in the old generation,
   * where G1's write barrier makes each reference stored into it expensive. Sizes above {@value
   * #KEPT} are not kept, so one huge graph does not make every later sweep allocate for it.
   */
  private static final class Sizes {
    static final int LEAVES = 0;
    static final int LEVELS = 1;
    static final int KEPT = 1 << 16;
    // A subclass rather than ThreadLocal.withInitial: no lambda to bootstrap on a cold start.
    private static final ThreadLocal<int[]> OF_THREAD = new ThreadLocal<>() {
      @Override
      protected int[] initialValue() {
        return new int[2];
      }
    };

    /** Returns this thread's sizes: leaves, pending levels. */
    static int[] ofThread() {
      return OF_THREAD.get();
    }

    /**
     * Returns {@code size} and some room: a sweep checks for room before each node (a dot node's
     * inputs), so an array of the exact size would still grow once near the end.
     */
    static int withRoom(int size) {
      return size == 0 ? 0 : size + (size >> 2) + 64;
    }

    /**
     * Keeps in {@code sizes} (the thread's) those of a completed sweep that met {@code leafCount}
     * leaves.
     */
    static void record(int[] sizes, int leafCount, Pending pending) {
      sizes[LEAVES] = Math.min(leafCount, KEPT);
      sizes[LEVELS] = Math.min(pending.levels(), KEPT);
    }
  }

  /**
   * Returns every node reachable from {@code root}, inputs before the nodes made from them, each
   * once, with its {@code visited} flag set (the caller clears it).
   */
  static Value[] topologicalOrder(Value root) {
    Value[] order = new Value[16];
    int n = 0;
    Value[] stack = new Value[16];
    boolean[] expanded = new boolean[16];
    int top = 0;
    try {
      stack[top] = root;
      expanded[top++] = false;
      while (top > 0) {
        Value v = stack[--top];
        if (expanded[top]) {
          if (n == order.length) {
            order = Arrays.copyOf(order, n * 2);
          }
          order[n++] = v;
          continue;
        }
        if (v.visited) {
          continue; // pushed by two parents before either expanded it
        }
        v.visited = true;
        Value a = v.left;
        DotValue f = v.op == Op.DOT_CODE ? (DotValue) v : null;
        // The inputs after the left one: a dot node's factors, or a binary op's right input.
        int more = a == null ? 0 : f != null ? 2 * f.terms() : Op.readsRight(v.op) ? 1 : 0;
        int room = more + 2;
        if (top + room > stack.length) {
          stack = Arrays.copyOf(stack, Math.max(stack.length * 2, top + room));
          expanded = Arrays.copyOf(expanded, stack.length);
        }
        stack[top] = v;
        expanded[top++] = true;
        if (a == null) {
          continue;
        }
        if (n + room > order.length) {
          order = Arrays.copyOf(order, Math.max(order.length * 2, n + room));
        }
        // Leaf inputs go straight to the order, in input order; the others wait on the stack,
        // the first input on top so that it is expanded first.
        for (int i = -1; i < more; i++) {
          Value in = i < 0 ? a : f != null ? f.factor(i) : v.right;
          if (!in.visited && in.left == null) {
            in.visited = true;
            order[n++] = in;
          }
        }
        for (int i = more - 1; i >= -1; i--) {
          Value in = i < 0 ? a : f != null ? f.factor(i) : v.right;
          if (!in.visited) {
            stack[top] = in;
            expanded[top++] = false;
          }
        }
      }
      return n == order.length ? order : Arrays.copyOf(order, n);
    } catch (RuntimeException | Error e) {
      clearVisited(order, n);
      clearVisited(stack, top);
      throw e;
    }
  }

  /** Clears the flags the search set, leaving the graph ready for the next search. */
  static void clearVisited(Value[] nodes, int n) {
    for (int i = 0; i < n; i++) {
      nodes[i].visited = false;
    }
  }
}
