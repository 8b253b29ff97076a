package dev.autograd.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds an expression graph from a list of random integers: each integer picks an op and its
 * operands among the nodes made so far (so nodes get reused). Ops whose domain the operands are
 * outside of (log of a small number, a kink within reach of a finite difference, a value that
 * would blow up) fall back to addition, so every graph is smooth around its point.
 */
final class RandomGraph {
  private static final int OPS = 22;
  private static final double[] EXPONENTS = {2, 3, -1, 0.5, 1.5};

  private final List<Value> leaves;
  private final List<Value> nodes;
  private final StringBuilder description = new StringBuilder();

  private RandomGraph(List<Value> leaves) {
    this.leaves = leaves;
    this.nodes = new ArrayList<>(leaves);
  }

  static RandomGraph build(List<Integer> program, List<Double> point) {
    List<Value> leaves = new ArrayList<>();
    for (int i = 0; i < point.size(); i++) {
      leaves.add(Value.of(point.get(i), "x" + i));
    }
    RandomGraph graph = new RandomGraph(leaves);
    for (int code : program) {
      graph.step(code);
    }
    return graph;
  }

  Value output() {
    return nodes.get(nodes.size() - 1);
  }

  List<Value> leaves() {
    return leaves;
  }

  private void step(int code) {
    int op = code % OPS;
    int rest = code / OPS;
    Value a = nodes.get(rest % nodes.size());
    Value b = nodes.get((rest / 64) % nodes.size());
    double x = a.data();
    double y = b.data();
    Value out = null;
    switch (op) {
      case 0:
        out = a.mul(b);
        break;
      case 1:
        out = a.sub(b);
        break;
      case 2:
        out = Math.abs(y) > 0.2 ? a.div(b) : null;
        break;
      case 3:
        out = a.neg();
        break;
      case 4: {
        double e = EXPONENTS[(rest / 4096) % EXPONENTS.length];
        boolean ok = (e == Math.rint(e) && e > 0) || x > 0.2;
        out = ok ? a.pow(e) : null;
        break;
      }
      case 5:
        out = x > 0.2 && x < 5 && Math.abs(y) < 3 ? a.pow(b) : null;
        break;
      case 6:
        out = x < 4 ? a.exp() : null;
        break;
      case 7:
        out = x > 0.2 ? a.log() : null;
        break;
      case 8:
        out = a.tanh();
        break;
      case 9:
        out = Math.abs(x) > 0.05 ? a.relu() : null;
        break;
      case 10:
        out = a.sigmoid();
        break;
      case 11:
        out = a.add(2.5);
        break;
      case 12:
        out = Math.abs(x) > 0.05 ? a.abs() : null;
        break;
      case 13:
        out = x > 0.2 ? a.sqrt() : null;
        break;
      case 14:
        out = a.sin();
        break;
      case 15:
        out = a.cos();
        break;
      case 16:
        out = Math.abs(x - y) > 0.05 ? a.max(b) : null;
        break;
      case 17:
        out = Math.abs(x - y) > 0.05 ? a.min(b) : null;
        break;
      case 18:
        out = Math.abs(x) > 0.05 ? a.leakyRelu(0.1) : null;
        break;
      case 19:
        out = a.softplus();
        break;
      case 20:
        out = Math.abs(x) > 0.2 ? a.rdiv(1.5) : a.rsub(1.0);
        break;
      default:
        out = a.add(b);
        break;
    }
    if (out == null || !(Math.abs(out.data()) < 100)) {
      out = a.add(b);
      if (!(Math.abs(out.data()) < 100)) {
        out = a.tanh();
      }
    }
    description.append(out.op()).append(' ');
    nodes.add(out);
  }

  @Override
  public String toString() {
    return "graph of " + leaves + " via ops " + description;
  }
}
