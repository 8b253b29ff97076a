package dev.autograd.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A graph of dot nodes over shared factor vectors ({@link Value#vector}), built from a list of
 * integers, each picking a step: a new vector (repeats allowed, leaves and interior nodes mixed),
 * a dot node over two vectors (maybe the same one, maybe with a start taken from a vector), a
 * unary or binary op, or (when asked) a {@link Value#setData} on one or several leaves. Records
 * when each node was built and when each leaf last changed, so that tests can tell, without the
 * engine's version numbers, which nodes a backward pass must reject as stale.
 */
final class VectorProgram {
  /** Every node in the order made, leaves first. */
  final List<Value> nodes = new ArrayList<>();
  /** The leaves holding the point, labelled {@code x0, x1, ...}. */
  final List<Value> leaves = new ArrayList<>();
  /** The vectors made so far. */
  final List<List<Value>> vectors = new ArrayList<>();
  /** The step at which each node was built. */
  private final Map<Value, Integer> builtAt = new IdentityHashMap<>();
  /** The step at which each leaf was last changed by setData. */
  private final Map<Value, Integer> changedAt = new IdentityHashMap<>();
  private int clock;
  Value output;

  private VectorProgram() {}

  /**
   * Builds {@code program} over leaves holding {@code point}. {@code vector} makes the list each
   * dot node reads from a vector ({@code v -> v} to share, {@code ArrayList::new} for a copy of
   * its own). With {@code changes}, some steps call setData; otherwise those steps do nothing,
   * so the two builds have the same nodes.
   */
  static VectorProgram build(List<Integer> program, List<Double> point,
      UnaryOperator<List<Value>> vector, boolean changes) {
    VectorProgram g = new VectorProgram();
    for (int i = 0; i < point.size(); i++) {
      Value leaf = Value.of(point.get(i), "x" + i);
      g.leaves.add(leaf);
      g.add(leaf);
    }
    int length = 1 + Math.floorMod(program.get(0), 4);
    for (int code : program) {
      g.clock++;
      int pick = code >>> 4;
      List<Value> nodes = g.nodes;
      switch (code & 15) {
        case 0, 1 -> {
          List<Value> elements = new ArrayList<>();
          for (int i = 0; i < length; i++) {
            elements.add(nodes.get(Math.floorMod(pick * 31 + i * 7 + i * i, nodes.size())));
          }
          g.vectors.add(Value.vector(elements));
        }
        case 2, 3, 4 -> {
          if (!g.vectors.isEmpty()) {
            List<Value> a = g.vectors.get(pick % g.vectors.size());
            List<Value> b = g.vectors.get((pick / 5) % g.vectors.size());
            Value start = nodes.get((pick / 25) % nodes.size());
            g.add(Value.dot(start, vector.apply(a), vector.apply(b)));
          }
        }
        case 5 -> { // a start that is also a factor, one vector in both places
          if (!g.vectors.isEmpty()) {
            List<Value> a = g.vectors.get(pick % g.vectors.size());
            g.add(Value.dot(a.get((pick / 3) % a.size()), vector.apply(a), vector.apply(a)));
          }
        }
        case 6 -> { // a vector beside a plain list of reversed elements
          if (!g.vectors.isEmpty()) {
            List<Value> a = g.vectors.get(pick % g.vectors.size());
            List<Value> reversed = new ArrayList<>(a);
            Collections.reverse(reversed);
            Value start = nodes.get((pick / 7) % nodes.size());
            g.add(pick % 2 == 0 ? Value.dot(start, vector.apply(a), reversed)
                : Value.dot(start, reversed, vector.apply(a)));
          }
        }
        case 7 -> g.add(nodes.get(pick % nodes.size()).tanh());
        case 8 -> g.add(nodes.get(pick % nodes.size()).relu());
        case 9 -> g.add(nodes.get(pick % nodes.size()).sigmoid());
        case 10 -> g.add(nodes.get(pick % nodes.size()).add(nodes.get((pick / 7) % nodes.size())));
        case 11 -> g.add(nodes.get(pick % nodes.size()).mul(nodes.get((pick / 7) % nodes.size())));
        case 12, 13 -> { // a dot over a vector of the latest nodes (a layer's outputs)
          List<Value> latest = nodes.subList(Math.max(0, nodes.size() - length), nodes.size());
          if (latest.size() == length && !g.vectors.isEmpty()) {
            List<Value> w = g.vectors.get(pick % g.vectors.size());
            List<Value> h = Value.vector(latest);
            g.vectors.add(h);
            g.add(Value.dot(nodes.get(pick % nodes.size()), vector.apply(w), vector.apply(h)));
          }
        }
        case 14 -> {
          if (changes) {
            Value leaf = g.leaves.get(pick % g.leaves.size());
            leaf.setData(leaf.data() * 0.5 + 0.25);
            g.changedAt.put(leaf, g.clock);
          }
        }
        default -> {
          if (changes) {
            int n = 1 + pick % 3;
            Value[] some = new Value[n];
            double[] data = new double[n];
            for (int i = 0; i < n; i++) {
              some[i] = g.leaves.get((pick / 3 + i * 2) % g.leaves.size()); // may repeat
              data[i] = -some[i].data() * 0.75;
              g.changedAt.put(some[i], g.clock);
            }
            Value.setData(some, data);
          }
        }
      }
    }
    g.clock++;
    Value out = Value.of(0.0, "zero");
    g.add(out);
    int end = g.nodes.size() - 1;
    for (int i = Math.max(0, end - 4); i < end; i++) {
      out = out.add(g.nodes.get(i));
      g.add(out);
    }
    Value extra = g.nodes.get(Math.floorMod(program.get(0) >>> 2, g.nodes.size()));
    out = out.add(extra);
    g.add(out);
    g.output = out;
    return g;
  }

  private void add(Value v) {
    nodes.add(v);
    builtAt.put(v, clock);
  }

  /** Returns the nodes reachable from {@code root} (itself included), found through children(). */
  static Map<Value, Boolean> reachable(Value root) {
    Map<Value, Boolean> seen = new IdentityHashMap<>();
    List<Value> stack = new ArrayList<>(List.of(root));
    while (!stack.isEmpty()) {
      Value v = stack.remove(stack.size() - 1);
      if (seen.put(v, Boolean.TRUE) == null) {
        stack.addAll(v.children());
      }
    }
    return seen;
  }

  /** Returns true if {@code v} read a leaf that changed after {@code v} was built. */
  boolean stale(Value v) {
    int built = builtAt.get(v);
    for (Value in : v.children()) {
      if (in.isLeaf() && changedAt.getOrDefault(in, -1) > built) {
        return true;
      }
    }
    return false;
  }

  /** Returns true if a node reachable from {@code root} is stale: backward must then throw. */
  boolean staleFrom(Value root) {
    for (Value v : reachable(root).keySet()) {
      if (stale(v)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the leaves' current data. */
  List<Double> leafData() {
    List<Double> data = new ArrayList<>();
    for (Value leaf : leaves) {
      data.add(leaf.data());
    }
    return data;
  }

  /** Returns the bits of every node's grad, in node order. */
  long[] gradBits() {
    long[] bits = new long[nodes.size()];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = Double.doubleToLongBits(nodes.get(i).grad());
    }
    return bits;
  }

  /** Returns the index of the first node whose visited flag is set, or -1. */
  int firstFlagged() {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).visited) {
        return i;
      }
    }
    return -1;
  }
}
