package dev.autograd.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random graphs that keep {@link Backprop}'s pending queue busy: labelled leaves, every op,
 * subexpressions used many times from different levels, fans of many nodes at one level summed
 * together, long sums, and dot nodes over factor vectors (leaves and interior nodes) that several
 * dot nodes share. The same seed builds the same graph, node for node.
 */
final class QueueGraph {
  final List<Value> leaves = new ArrayList<>();
  final List<String> labels = new ArrayList<>();
  final List<Value> nodes = new ArrayList<>();
  final List<List<Value>> vectors = new ArrayList<>();
  final Value output;

  private final Random random;

  private QueueGraph(long seed, int steps) {
    random = new Random(seed);
    int leafCount = 1 + random.nextInt(6);
    for (int i = 0; i < leafCount; i++) {
      String label = random.nextInt(4) == 0 ? "" : "p" + i + (random.nextBoolean() ? "" : "_w");
      Value leaf = Value.of(random.nextGaussian(), label);
      leaves.add(leaf);
      labels.add(label);
      nodes.add(leaf);
    }
    for (int s = 0; s < steps; s++) {
      nodes.add(bounded(step()));
    }
    // The output reads several late nodes, so that many branches wait in the queue at once.
    List<Value> tail = new ArrayList<>();
    for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
      tail.add(pick());
    }
    tail.add(nodes.get(nodes.size() - 1));
    output = Value.sum(tail);
  }

  /** Returns the graph of {@code seed}: {@code steps} random ops after the leaves. */
  static QueueGraph build(long seed, int steps) {
    return new QueueGraph(seed, steps);
  }

  /** Returns the graph of {@code seed} with 5 to 60 steps. */
  static QueueGraph build(long seed) {
    return new QueueGraph(seed, 5 + new Random(seed ^ 0x5DEECE66DL).nextInt(56));
  }

  private Value pick() {
    // Favour recent nodes (deep graphs) but reuse old ones too (shared subexpressions).
    int n = nodes.size();
    return random.nextInt(3) == 0
        ? nodes.get(random.nextInt(n))
        : nodes.get(n - 1 - random.nextInt(Math.min(n, 4)));
  }

  private Value bounded(Value v) {
    return Math.abs(v.data()) < 20 ? v : v.tanh();
  }

  private Value step() {
    Value a = pick();
    Value b = pick();
    switch (random.nextInt(26)) {
      case 0: return a.add(b);
      case 1: return a.mul(b);
      case 2: return a.sub(b);
      case 3: return a.tanh();
      case 4: return a.relu();
      case 5: return a.pow(2); // SQUARE
      case 6: return a.sigmoid();
      case 7: return a.neg();
      case 8: return a.div(b.mul(b).add(1.0));
      case 9: return a.pow(3);
      case 10: return a.exp().tanh();
      case 11: return a.max(b);
      case 12: return a.min(b);
      case 13: return a.leakyRelu(0.1);
      case 14: return a.softplus();
      case 15: return a.stopGradient().add(a);
      case 16: return a.sin().mul(b.cos());
      case 17: return a.abs().add(1.0).log().add(a.mul(0.5)).sqrt();
      case 18: return dot(a, false);
      case 19: return dot(a, false);
      case 20: return wideSum();
      case 21: return fan(a);
      case 22: return a.mul(b).add(a).add(b).mul(a); // a used three times from three levels
      case 23: return dot(a, true);
      case 24: return layer();
      default: return Value.sum(List.of(a, b, a, b, a)).mul(0.25);
    }
  }

  /**
   * A dot node (a fused relu-dot node if {@code relu}) over a shared vector (made now or reused)
   * and a fresh or shared second vector.
   */
  private Value dot(Value start, boolean relu) {
    List<Value> a;
    if (!vectors.isEmpty() && random.nextInt(3) != 0) {
      a = vectors.get(random.nextInt(vectors.size()));
    } else {
      List<Value> elements = new ArrayList<>();
      for (int k = 0, n = 1 + random.nextInt(5); k < n; k++) {
        elements.add(pick());
      }
      a = Value.vector(elements);
      vectors.add(a);
    }
    List<Value> b;
    int choice = random.nextInt(3);
    if (choice == 0) {
      b = a; // dot(v, v)
    } else {
      List<Value> elements = new ArrayList<>();
      for (int k = 0; k < a.size(); k++) {
        elements.add(random.nextBoolean() ? pick() : Value.of(random.nextGaussian(), "c" + k));
      }
      b = choice == 1 ? Value.vector(elements) : elements;
      if (choice == 1) {
        vectors.add(b);
      }
    }
    return relu ? Value.dotRelu(start, a, b) : Value.dot(start, a, b).mul(0.5);
  }

  /**
   * An MLP layer over an input vector of recent nodes (or a vector made earlier): neurons with
   * their own weight and bias leaves, most of them relu ({@link Value#dotRelu}), some linear,
   * their outputs summed; neurons of one kind share a level, so the replay batches them.
   */
  private Value layer() {
    List<Value> x;
    if (!vectors.isEmpty() && random.nextBoolean()) {
      x = vectors.get(random.nextInt(vectors.size()));
    } else {
      List<Value> elements = new ArrayList<>();
      for (int k = 0, n = 1 + random.nextInt(4); k < n; k++) {
        elements.add(pick());
      }
      x = Value.vector(elements);
      vectors.add(x);
    }
    List<Value> out = new ArrayList<>();
    for (int j = 0, n = 2 + random.nextInt(5); j < n; j++) {
      List<Value> w = new ArrayList<>();
      for (int k = 0; k < x.size(); k++) {
        w.add(Value.of(random.nextGaussian(), "w" + j + "_" + k));
      }
      Value bias = random.nextInt(4) == 0 ? pick() : Value.of(0.1 * random.nextGaussian(), "b" + j);
      boolean relu = random.nextInt(4) != 0;
      out.add(relu ? Value.dotRelu(bias, Value.vector(w), x) : Value.dot(bias, Value.vector(w), x));
    }
    return Value.sum(out).mul(0.5);
  }

  /** A sum of many nodes read left to right: a deep chain whose inputs wait at low levels. */
  private Value wideSum() {
    List<Value> terms = new ArrayList<>();
    for (int k = 0, n = 2 + random.nextInt(12); k < n; k++) {
      terms.add(pick());
    }
    return Value.sum(terms).mul(0.125);
  }

  /** Many nodes at one level made from {@code a}, summed: the queue holds them all at once. */
  private Value fan(Value a) {
    List<Value> level = new ArrayList<>();
    for (int k = 0, n = 2 + random.nextInt(14); k < n; k++) {
      Value b = pick();
      level.add(random.nextBoolean() ? a.mul(b) : a.mul(0.25 * k - 1.0)); // same level as a's
    }
    return Value.sum(level).mul(1.0 / level.size());
  }
}
