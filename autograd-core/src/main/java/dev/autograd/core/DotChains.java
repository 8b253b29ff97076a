package dev.autograd.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The plan of {@link BatchedReplay}'s fused replay: which dot-product chains of a recorded graph
 * are replayed as one node each, in which order the steps run, and the code of each fused step
 * (read by {@link FusedKernels}). Built once per batched replay; see {@link BatchedReplay}'s class
 * javadoc for the chain, the fused node and the rule that keeps the numbers bit for bit.
 *
 * <h2>Chains</h2>
 *
 * A chain is a left-leaning sum {@code s_1 = h + m_1, s_k = s_(k-1) + m_k} ({@code k = 2..K})
 * whose terms {@code m_k = a_k * b_k} are products, each partial sum {@code s_1 .. s_(K-1)} and each
 * product used once (by the chain); its head {@code h} is either a product used once too (then it
 * is the chain's pair 0, as {@code Vectors.dot} builds it) or any other slot (a neuron's bias).
 * The chain's output is {@code s_K}, its top.
 *
 * <h2>Events, positions and groups</h2>
 *
 * Backward, the chain sends its operands (the {@code a_k}, {@code b_k} and {@code h}) one grad
 * contribution each — an <em>event</em> — from the position of the node that makes it in the
 * unfused sweep (the product's slot, or {@code s_1}'s for the head). Fused, a chain's events all
 * happen at one position: its group's. A group is a set of chains whose backward runs as one step,
 * at the lowest top among them (when all their upstream grads are complete); chains start alone
 * and are merged into one group when two of them feed a slot in opposite orders (an MLP layer's
 * neurons all feed every input of the layer, the first neuron's product last). The fused order of
 * a slot's events is its users' positions, in decreasing order, and within one group the users'
 * own slots, as unfused. The plan keeps a chain fused only when, for every slot whose grad is
 * read (not an intermediate of a fused chain, not an input slot), that order is the unfused one
 * (users by decreasing slot) and every event comes before the slot's own backward step reads its
 * grad; otherwise it merges the offending groups, or unfuses them, and checks again.
 */
final class DotChains {
  /** Forward init kinds: the head's row, a parameter's number, a product scalar × row, row × row. */
  static final int INIT_ROW = 0;
  static final int INIT_SCALAR = 1;
  static final int INIT_SR = 2;
  static final int INIT_RR = 3;
  /** Forward block of products: a parameter's number times a row, or a row times a row. */
  static final int PAIRS_SR = 0;
  static final int PAIRS_RR = 1;
  /** Backward blocks (see {@link FusedKernels#backward}). */
  static final int REDUCE_S = 1;
  static final int REDUCE_R = 2;
  static final int SPREAD_S = 3;
  static final int SPREAD_R = 4;
  /**
   * Most terms per lane loop: 4 (8 measured slower on the moons step:
   * autograd-bench/results-2026-11-30-fused.md).
   */
  static final int BLOCK = 4;
  /**
   * Rounds of checking before the plan gives up fusing altogether: a bound only, since each round
   * that changes anything merges groups or unfuses some.
   */
  private static final int MAX_ROUNDS = 64;

  private final int inputCount;
  private final int leafCount;
  private final int size;
  private final int[] lhs;
  private final int[] rhs;
  private final Op[] opOf;
  /**
   * A head's event's factor, the number 1: {@link #size} while planning (no slot), {@link
   * #leafCount} in the code (its index among the scalars).
   */
  private final int one;

  // Chains, by id.
  private int chainCount;
  private int[][] chainAdds = new int[16][];
  private boolean[] headIsProduct = new boolean[16];
  private boolean[] fused;
  private int[] parent;
  /** By group root: unfused (set by {@link #unfuse}, applied to {@link #fused} once per round). */
  private boolean[] dead;
  /** Chain id of every chain node (its adds, its products), else -1. */
  private final int[] chainOf;

  // Users: slot x's users are users[userStart[x] .. userStart[x + 1]), by increasing slot.
  private final int[] userStart;
  private final int[] users;

  // The plan.
  /** Steps forward: a run [from, to) of op, or (op null) fused chain code {@code from}. */
  final List<Op> forwardOps = new ArrayList<>();
  final List<int[]> forwardRanges = new ArrayList<>();
  /** Steps backward: a run [from, to) of op, last slot first, or (op null) group code. */
  final List<Op> backwardOps = new ArrayList<>();
  final List<int[]> backwardRanges = new ArrayList<>();
  final List<int[]> chainCode = new ArrayList<>();
  final List<int[]> groupCode = new ArrayList<>();
  /** Whether a parameter's row of lanes is read by some step (else it is not filled). */
  final boolean[] rowRead;
  /**
   * The grad row holding each parameter's column of lanes (added into its grad): its own, or, for
   * a parameter whose only contribution is a chain's head event (a bias), the chain top's ({@code
   * 0.0 + 1 × G} has {@code G}'s bits: see {@link BatchedReplay}).
   */
  final int[] columnRow;
  /**
   * A parameter's column factor: -1 when its column is {@link #columnRow}'s row itself, else a
   * data row {@code x}: the parameter's only contribution is one chain event {@code x × G} (a
   * weight of {@code w × x}), and its column, {@code 0.0 + x[e] × G[e]} with {@code G} the
   * {@link #columnRow}, is computed where it is added ({@link GradColumns}), not stored.
   */
  final int[] columnFactor;
  /** Whether a slot's rows of lanes are used: all but a fused chain's intermediates. */
  final boolean[] rowsUsed;
  int fusedChains;
  int fusedNodes;
  int fusedGroups;
  /** Chains found, fused or not. */
  int chains;

  DotChains(CompiledGraph graph, boolean[] firstLeft, boolean[] firstRight, boolean fuse) {
    inputCount = graph.inputCount();
    leafCount = graph.leafArray().length;
    size = graph.size();
    lhs = graph.lefts();
    rhs = graph.rights();
    one = size;
    opOf = new Op[size];
    int[] runStart = graph.runStarts();
    Op[] runOp = graph.runOps();
    for (int k = 0; k < runOp.length; k++) {
      Arrays.fill(opOf, runStart[k], runStart[k + 1], runOp[k]);
    }
    userStart = new int[size + 1];
    for (int i = leafCount; i < size; i++) {
      userStart[lhs[i] + 1]++;
      if (binary(i)) {
        userStart[rhs[i] + 1]++;
      }
    }
    for (int x = 0; x < size; x++) {
      userStart[x + 1] += userStart[x];
    }
    users = new int[userStart[size]];
    int[] next = Arrays.copyOf(userStart, size);
    for (int i = leafCount; i < size; i++) {
      users[next[lhs[i]]++] = i;
      if (binary(i)) {
        users[next[rhs[i]]++] = i;
      }
    }
    chainOf = new int[size];
    Arrays.fill(chainOf, -1);
    if (fuse) {
      findChains();
    }
    fused = new boolean[chainCount];
    Arrays.fill(fused, true);
    parent = new int[chainCount];
    dead = new boolean[chainCount];
    for (int c = 0; c < chainCount; c++) {
      parent[c] = c;
    }
    mergeSiblings();
    settle();
    rowRead = new boolean[leafCount];
    columnRow = new int[leafCount];
    columnFactor = new int[leafCount];
    Arrays.fill(columnFactor, -1);
    for (int x = 0; x < leafCount; x++) {
      columnRow[x] = x;
    }
    rowsUsed = new boolean[size];
    for (int x = 0; x < size; x++) {
      rowsUsed[x] = !hidden(x);
    }
    chains = chainCount;
    planSteps(firstLeft, firstRight);
  }

  private boolean binary(int i) {
    return opOf[i].kind == Op.Kind.BINARY;
  }

  private int uses(int x) {
    return userStart[x + 1] - userStart[x];
  }

  private boolean isParameter(int x) {
    return x >= inputCount && x < leafCount;
  }

  /** Whether slot {@code x} is a product used once. */
  private boolean singleProduct(int x) {
    return x >= leafCount && opOf[x] == Op.MUL && uses(x) == 1;
  }

  /** An addition whose second input is a product used once: a link of a chain. */
  private boolean link(int i) {
    return opOf[i] == Op.ADD && singleProduct(rhs[i]);
  }

  /** Whether link {@code s} continues into a link above it: used once, as that link's first input. */
  private boolean inner(int s) {
    if (uses(s) != 1) {
      return false;
    }
    int u = users[userStart[s]];
    return link(u) && lhs[u] == s;
  }

  private void findChains() {
    for (int t = leafCount; t < size; t++) {
      if (!link(t) || inner(t)) {
        continue;
      }
      int length = 1;
      int s = t;
      while (lhs[s] >= leafCount && link(lhs[s]) && inner(lhs[s])) {
        s = lhs[s];
        length++;
      }
      int[] adds = new int[length];
      for (int k = length - 1, a = t; k >= 0; k--, a = lhs[a]) {
        adds[k] = a;
      }
      if (chainCount == chainAdds.length) {
        chainAdds = Arrays.copyOf(chainAdds, chainCount * 2);
        headIsProduct = Arrays.copyOf(headIsProduct, chainCount * 2);
      }
      int c = chainCount++;
      chainAdds[c] = adds;
      headIsProduct[c] = singleProduct(lhs[adds[0]]);
      for (int a : adds) {
        chainOf[a] = c;
        chainOf[rhs[a]] = c;
      }
      if (headIsProduct[c]) {
        chainOf[lhs[adds[0]]] = c;
      }
    }
  }

  private int top(int c) {
    int[] adds = chainAdds[c];
    return adds[adds.length - 1];
  }

  private int find(int c) {
    while (parent[c] != c) {
      parent[c] = parent[parent[c]];
      c = parent[c];
    }
    return c;
  }

  /** The fused chain of slot {@code i}, or -1. */
  private int fusedChain(int i) {
    int c = chainOf[i];
    return c >= 0 && fused[c] && !dead[find(c)] ? c : -1;
  }

  /** Whether slot {@code x}'s grad is never materialised: an intermediate of a fused chain. */
  private boolean hidden(int x) {
    int c = fusedChain(x);
    return c >= 0 && x != top(c);
  }

  /** Unfuses every chain of slot {@code i}'s group; false if {@code i} is in no fused chain. */
  private boolean unfuse(int i) {
    int c = fusedChain(i);
    if (c < 0) {
      return false;
    }
    dead[find(c)] = true; // fused[] follows at the end of the round
    return true;
  }

  /** Each interior slot's backward position: its own slot, or its fused group's lowest top. */
  private int[] positions() {
    return positions(null);
  }

  /** As {@link #positions()}, and marks in {@code hiddenOut} (if not null) the hidden slots. */
  private int[] positions(boolean[] hiddenOut) {
    int[] groupPosition = new int[chainCount];
    Arrays.fill(groupPosition, Integer.MAX_VALUE);
    int[] rootOf = new int[chainCount];
    for (int c = 0; c < chainCount; c++) {
      rootOf[c] = fused[c] && !dead[find(c)] ? find(c) : -1;
      if (rootOf[c] >= 0) {
        groupPosition[rootOf[c]] = Math.min(groupPosition[rootOf[c]], top(c));
      }
    }
    int[] position = new int[size];
    for (int i = leafCount; i < size; i++) {
      int c = chainOf[i];
      boolean inFused = c >= 0 && rootOf[c] >= 0;
      position[i] = inFused ? groupPosition[rootOf[c]] : i;
      if (hiddenOut != null) {
        hiddenOut[i] = inFused && i != top(c);
      }
    }
    return position;
  }

  /**
   * Starts chains that look like neurons of one layer in one group: two chains whose sums sit
   * side by side (the lower chain's top just below the higher chain's first sum, as a record lays
   * out the {@link Value#dot} nodes of one level, and as the unfused sweep leaves a layer's
   * chains) and that read a common interior slot (the layer's input, not a leaf). Their backward
   * then runs as one step over that slot's grad row rather than one step per neuron. It only
   * chooses a start: {@link #settle()} still checks every slot's order and unfuses a group that
   * would break it.
   */
  private void mergeSiblings() {
    int[] readBy = new int[size]; // readBy[x] == c + 1: chain c reads interior slot x
    for (int c = 0; c + 1 < chainCount; c++) {
      int d = c + 1;
      if (top(d) - top(c) != chainAdds[d].length) {
        continue;
      }
      for (int a : chainAdds[c]) {
        readBy[lhs[rhs[a]]] = c + 1;
        readBy[rhs[rhs[a]]] = c + 1;
      }
      for (int a : chainAdds[d]) {
        int m = rhs[a];
        if ((lhs[m] >= leafCount && readBy[lhs[m]] == c + 1)
            || (rhs[m] >= leafCount && readBy[rhs[m]] == c + 1)) {
          parent[find(c)] = find(d);
          break;
        }
      }
    }
  }

  /** Merges or unfuses groups until every slot's events keep their unfused order. */
  private void settle() {
    for (int round = 0; ; round++) {
      if (round == MAX_ROUNDS) {
        Arrays.fill(fused, false);
        return;
      }
      boolean[] hiddenNow = new boolean[size]; // as this round began: checked again if changed
      int[] position = positions(hiddenNow);
      boolean changed = false;
      for (int x = inputCount; x < size; x++) {
        if (hiddenNow[x]) {
          continue;
        }
        int previous = -1;
        for (int k = userStart[x]; k < userStart[x + 1]; k++) {
          int u = users[k];
          if (x >= leafCount && position[u] <= position[x]) { // an event after the read
            changed |= unfuse(x) | unfuse(u);
          }
          if (previous >= 0 && position[previous] > position[u]) { // events out of order
            int cu = fusedChain(u);
            int cp = fusedChain(previous);
            if (cu >= 0 && cp >= 0) {
              int ru = find(cu);
              int rp = find(cp);
              if (ru != rp) {
                parent[ru] = rp;
                changed = true;
              }
            } else {
              changed |= unfuse(u) | unfuse(previous);
            }
          }
          previous = u;
        }
      }
      for (int c = 0; c < chainCount; c++) {
        fused[c] &= !dead[find(c)];
      }
      if (!changed) {
        return;
      }
    }
  }

  private void planSteps(boolean[] firstLeft, boolean[] firstRight) {
    int[] codeOfChain = new int[chainCount];
    int[] codeOfGroup = new int[chainCount];
    for (int c = 0; c < chainCount; c++) {
      if (fused[c]) {
        fusedChains++;
        fusedNodes += 2 * chainAdds[c].length + (headIsProduct[c] ? 1 : 0);
        codeOfChain[c] = chainCode.size();
        chainCode.add(forwardCode(c));
      }
    }
    for (int i = leafCount; i < size; i++) {
      if (fusedChain(i) < 0) {
        if (isParameter(lhs[i])) {
          rowRead[lhs[i]] = true;
        }
        if (binary(i) && isParameter(rhs[i])) {
          rowRead[rhs[i]] = true;
        }
      }
    }
    // Each group's nodes, last slot first: the unfused sweep's order, with no sorting.
    Code[] nodesOf = new Code[chainCount];
    for (int i = size - 1; i >= leafCount; i--) {
      int c = fusedChain(i);
      if (c >= 0) {
        int root = find(c);
        if (nodesOf[root] == null) {
          nodesOf[root] = new Code();
        }
        nodesOf[root].add(i);
      }
    }
    Events events = new Events();
    for (int c = 0; c < chainCount; c++) {
      if (fused[c] && find(c) == c) {
        fusedGroups++;
        codeOfGroup[c] = groupCode.size();
        groupCode.add(backwardCode(nodesOf[c].toArray(), events, firstLeft, firstRight));
      }
    }
    int[] position = positions();
    for (int i = leafCount; i < size; i++) {
      int c = fusedChain(i);
      if (c >= 0) {
        if (i == top(c)) {
          forwardOps.add(null);
          forwardRanges.add(new int[] {codeOfChain[c], 0});
        }
        continue;
      }
      int last = forwardOps.size() - 1;
      if (last >= 0 && forwardOps.get(last) == opOf[i] && forwardRanges.get(last)[1] == i) {
        forwardRanges.get(last)[1] = i + 1;
      } else {
        forwardOps.add(opOf[i]);
        forwardRanges.add(new int[] {i, i + 1});
      }
    }
    for (int i = size - 1; i >= leafCount; i--) {
      int c = fusedChain(i);
      if (c >= 0) {
        if (position[i] == i) {
          backwardOps.add(null);
          backwardRanges.add(new int[] {codeOfGroup[find(c)], 0});
        }
        continue;
      }
      int last = backwardOps.size() - 1;
      if (last >= 0 && backwardOps.get(last) == opOf[i] && backwardRanges.get(last)[0] == i + 1) {
        backwardRanges.get(last)[0] = i;
      } else {
        backwardOps.add(opOf[i]);
        backwardRanges.add(new int[] {i, i + 1});
      }
    }
  }

  /**
   * A chain's forward code: {@code out, initKind, x, y}, then blocks {@code kind, count, (x,
   * y)*count} of at most {@link #BLOCK} products, in the chain's order.
   */
  private int[] forwardCode(int c) {
    int[] adds = chainAdds[c];
    Code code = new Code();
    code.add(top(c));
    int head = lhs[adds[0]];
    if (headIsProduct[c]) {
      boolean scalar = addPair(code, head);
      code.insertKind(scalar ? INIT_SR : INIT_RR);
    } else {
      code.add(isParameter(head) ? INIT_SCALAR : INIT_ROW);
      code.add(head);
      code.add(0);
    }
    int k = 0;
    while (k < adds.length) {
      boolean scalar = scalarPair(rhs[adds[k]]);
      int end = k;
      while (end < adds.length && end - k < BLOCK && scalarPair(rhs[adds[end]]) == scalar) {
        end++;
      }
      code.add(scalar ? PAIRS_SR : PAIRS_RR);
      code.add(end - k);
      for (; k < end; k++) {
        addPair(code, rhs[adds[k]]);
      }
    }
    return code.toArray();
  }

  /** Whether product {@code m} multiplies one parameter by a row (read as scalar × row). */
  private boolean scalarPair(int m) {
    return isParameter(lhs[m]) != isParameter(rhs[m]);
  }

  /** Appends product {@code m}'s operands, the parameter first if one is; returns scalarPair. */
  private boolean addPair(Code code, int m) {
    int a = lhs[m];
    int b = rhs[m];
    if (scalarPair(m)) {
      code.add(isParameter(a) ? a : b);
      code.add(isParameter(a) ? b : a);
      return true;
    }
    for (int x : new int[] {a, b}) {
      if (isParameter(x)) {
        rowRead[x] = true;
      }
    }
    code.add(a);
    code.add(b);
    return false;
  }

  /**
   * A group's backward code: its slots' events, each slot's in its unfused order (each product's
   * events read the chain top's grad row {@code G}, which is the {@code 0.0 + G} the unfused sweep
   * stores in the product's grad, and in
   * a partial sum's: see {@link BatchedReplay}): blocks {@code REDUCE_S|REDUCE_R, target,
   * fromSelf, count, (factor, up)*count} for a slot with several, {@code SPREAD_S|SPREAD_R, count,
   * (target, fromSelf, factor, up)*count} for slots with one each.
   */
  private int[] backwardCode(int[] nodes, Events events, boolean[] firstLeft,
      boolean[] firstRight) {
    Code code = new Code();
    // The events in the unfused sweep's order (nodes last slot first, a product's left operand
    // before its right), each target's kept in a list in that order.
    events.clear();
    for (int i : nodes) {
      int c = chainOf[i];
      int gradient = top(c);
      if (opOf[i] == Op.MUL) {
        events.add(lhs[i], rhs[i], gradient, firstLeft[i]);
        events.add(rhs[i], lhs[i], gradient, firstRight[i]);
      } else if (i == chainAdds[c][0] && !headIsProduct[c]) { // s_1 sends the head its grad
        events.add(lhs[i], one, gradient, firstLeft[i]);
      }
    }
    Code spreadScalar = new Code();
    Code spreadRow = new Code();
    for (int t = 0; t < events.targets.size(); t++) {
      int target = events.targets.get(t);
      int first = events.head[target];
      if (events.next[first] < 0 && events.first[first] && isParameter(target)
          && uses(target) == 1 && (events.factor[first] == one
              || !scalarFactor(events.factor[first]))) { // its only contribution: 1 × G or x × G
        columnRow[target] = events.up[first];
        columnFactor[target] = events.factor[first] == one ? -1 : events.factor[first];
        rowsUsed[target] = false;
        continue;
      }
      if (events.next[first] < 0) {
        Code spread = scalarFactor(events.factor[first]) ? spreadScalar : spreadRow;
        spread.add(target);
        spread.add(events.first[first] ? 0 : 1);
        spread.add(scalarIndex(events.factor[first]));
        spread.add(events.up[first]);
        continue;
      }
      boolean fromSelf = !events.first[first];
      for (int r = first, end; r >= 0; r = end, fromSelf = true) {
        boolean scalar = scalarFactor(events.factor[r]);
        int count = 0;
        for (end = r; end >= 0 && count < BLOCK && scalarFactor(events.factor[end]) == scalar;
            end = events.next[end]) {
          count++;
        }
        code.add(scalar ? REDUCE_S : REDUCE_R);
        code.add(target);
        code.add(fromSelf ? 1 : 0);
        code.add(count);
        for (int j = r; j != end; j = events.next[j]) {
          code.add(scalarIndex(events.factor[j]));
          code.add(events.up[j]);
        }
      }
    }
    spreads(code, SPREAD_S, spreadScalar);
    spreads(code, SPREAD_R, spreadRow);
    return code.toArray();
  }

  /**
   * A group's events, by rank (the unfused order): each event's factor (a slot, or {@link #one}),
   * the grad row it multiplies, and whether it is the first contribution the unfused sweep makes
   * to its slot; the events into each receiving slot linked in rank order ({@code head}, {@code
   * next}), the receiving slots in the order first met. Events into input slots are left out.
   * Reused from group to group.
   */
  private final class Events {
    int[] factor = new int[16];
    int[] up = new int[16];
    boolean[] first = new boolean[16];
    int[] next = new int[16];
    /** By slot: its first event, or -1; {@code tail}: its last. */
    final int[] head = new int[size];
    final int[] tail = new int[size];
    final Code targets = new Code();
    int count;

    Events() {
      Arrays.fill(head, -1);
    }

    void clear() {
      for (int t = 0; t < targets.size(); t++) {
        head[targets.get(t)] = -1;
      }
      targets.clear();
      count = 0;
    }

    void add(int to, int by, int grad, boolean isFirst) {
      if (to < inputCount) { // an input's grad is never read
        return;
      }
      if (count == factor.length) {
        int grown = count * 2;
        factor = Arrays.copyOf(factor, grown);
        up = Arrays.copyOf(up, grown);
        first = Arrays.copyOf(first, grown);
        next = Arrays.copyOf(next, grown);
      }
      factor[count] = by;
      up[count] = grad;
      first[count] = isFirst;
      next[count] = -1;
      if (head[to] < 0) {
        head[to] = count;
        targets.add(to);
      } else {
        next[tail[to]] = count;
      }
      tail[to] = count++;
    }
  }

  /** An event's factor as the code names it: a slot, or the 1's index among the scalars. */
  private int scalarIndex(int factor) {
    return factor == one ? leafCount : factor;
  }

  /** Whether an event's factor is read as one number: a parameter, or the head's 1. */
  private boolean scalarFactor(int factor) {
    return factor == one || isParameter(factor);
  }

  /** Appends the slots with one event each, four numbers per slot, as one block. */
  private static void spreads(Code code, int kind, Code entries) {
    if (entries.size() == 0) {
      return;
    }
    code.add(kind);
    code.add(entries.size() / 4);
    for (int v : entries.toArray()) {
      code.add(v);
    }
  }

  /** A growing int array. */
  private static final class Code {
    private int[] values = new int[16];
    private int count;

    void add(int v) {
      if (count == values.length) {
        values = Arrays.copyOf(values, count * 2);
      }
      values[count++] = v;
    }

    /** Inserts an init kind after the output slot, before the two operands just added. */
    void insertKind(int kind) {
      add(0);
      values[3] = values[2];
      values[2] = values[1];
      values[1] = kind;
    }

    int get(int index) {
      return values[index];
    }

    void clear() {
      count = 0;
    }

    int size() {
      return count;
    }

    int[] toArray() {
      return Arrays.copyOf(values, count);
    }
  }
}
