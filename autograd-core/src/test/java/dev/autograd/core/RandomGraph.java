package dev.autograd.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * Builds an expression graph from a list of random integers: each integer picks an op and its
 * operands among the nodes made so far (so nodes get reused). Ops whose domain the operands are
 * outside of (log of a small number, a kink within reach of a finite difference, a value that
 * would blow up) fall back to addition, so every graph is smooth around its point.
 */
final class RandomGraph {
  private static final int OPS = 24;
  private static final double[] EXPONENTS = {2, 3, -1, 0.5, 1.5};

  private final List<Value> leaves;
  private final List<Value> nodes;
  private final StringBuilder description = new StringBuilder();
  /** Each node made so far: its op as a function of its operands, and the operands' indices. */
  private final List<BinaryOperator<Value>> stepOps = new ArrayList<>();
  private final List<int[]> stepOperands = new ArrayList<>();

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

  /**
   * Returns a new graph with the same ops and wiring over {@code leaves} (at their current data),
   * whatever their values: the structure is not chosen again.
   */
  RandomGraph rebuild(List<Value> newLeaves) {
    RandomGraph graph = new RandomGraph(newLeaves);
    for (int i = 0; i < stepOps.size(); i++) {
      int[] operands = stepOperands.get(i);
      Value a = graph.nodes.get(operands[0]);
      Value b = graph.nodes.get(operands[1]);
      Value out = stepOps.get(i).apply(a, b);
      graph.stepOps.add(stepOps.get(i));
      graph.stepOperands.add(operands);
      graph.description.append(out.op()).append(' ');
      graph.nodes.add(out);
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
    BinaryOperator<Value> made = null;
    switch (op) {
      case 0:
        made = Value::mul;
        break;
      case 1:
        made = Value::sub;
        break;
      case 2:
        made = Math.abs(y) > 0.2 ? Value::div : null;
        break;
      case 3:
        made = (p, q) -> p.neg();
        break;
      case 4: {
        double e = EXPONENTS[(rest / 4096) % EXPONENTS.length];
        boolean ok = (e == Math.rint(e) && e > 0) || x > 0.2;
        made = ok ? (p, q) -> p.pow(e) : null;
        break;
      }
      case 5:
        made = x > 0.2 && x < 5 && Math.abs(y) < 3 ? Value::pow : null;
        break;
      case 6:
        made = x < 4 ? (p, q) -> p.exp() : null;
        break;
      case 7:
        made = x > 0.2 ? (p, q) -> p.log() : null;
        break;
      case 8:
        made = (p, q) -> p.tanh();
        break;
      case 9:
        made = Math.abs(x) > 0.05 ? (p, q) -> p.relu() : null;
        break;
      case 10:
        made = (p, q) -> p.sigmoid();
        break;
      case 11:
        made = (p, q) -> p.add(2.5);
        break;
      case 12:
        made = Math.abs(x) > 0.05 ? (p, q) -> p.abs() : null;
        break;
      case 13:
        made = x > 0.2 ? (p, q) -> p.sqrt() : null;
        break;
      case 14:
        made = (p, q) -> p.sin();
        break;
      case 15:
        made = (p, q) -> p.cos();
        break;
      case 16:
        made = Math.abs(x - y) > 0.05 ? Value::max : null;
        break;
      case 17:
        made = Math.abs(x - y) > 0.05 ? Value::min : null;
        break;
      case 18:
        made = Math.abs(x) > 0.05 ? (p, q) -> p.leakyRelu(0.1) : null;
        break;
      case 19:
        made = (p, q) -> p.softplus();
        break;
      case 20:
        made = Math.abs(x) > 0.2 ? (p, q) -> p.rdiv(1.5) : (p, q) -> p.rsub(1.0);
        break;
      case 21:
        made = dot((rest / 4096) % 3, false);
        break;
      case 22: {
        // relu(dot): the pre-activation sum (the unfused dot's value) kept off the kink.
        BinaryOperator<Value> dot = dot((rest / 4096) % 3, false);
        made = Math.abs(dot.apply(a, b).data()) > 0.05 ? dot((rest / 4096) % 3, true) : null;
        break;
      }
      default:
        made = Value::add;
        break;
    }
    Value out = made == null ? null : made.apply(a, b);
    if (out == null || !(Math.abs(out.data()) < 100)) {
      made = Value::add;
      out = a.add(b);
      if (!(Math.abs(out.data()) < 100)) {
        made = (p, q) -> p.tanh();
        out = a.tanh();
      }
    }
    stepOps.add(made);
    stepOperands.add(new int[] {rest % nodes.size(), (rest / 64) % nodes.size()});
    description.append(out.op()).append(' ');
    nodes.add(out);
  }

  /**
   * A fused dot product ({@link Value#dot}, or with {@code relu} {@link Value#dotRelu}) of the two
   * operands, with shared inputs: {@code p + q*q}, {@code q + p*q + q*p + p*p} or {@code p + p*q +
   * q*(-1.5)}.
   */
  private static BinaryOperator<Value> dot(int variant, boolean relu) {
    Dot dot = relu ? Value::dotRelu : Value::dot;
    switch (variant) {
      case 0:
        return (p, q) -> dot.of(p, List.of(q), List.of(q));
      case 1:
        return (p, q) -> dot.of(q, List.of(p, q, p), List.of(q, p, p));
      default:
        return (p, q) -> dot.of(p, List.of(p, q), List.of(q, Value.of(-1.5)));
    }
  }

  /** {@link Value#dot} or {@link Value#dotRelu}. */
  private interface Dot {
    Value of(Value start, List<Value> a, List<Value> b);
  }

  @Override
  public String toString() {
    return "graph of " + leaves + " via ops " + description;
  }
}
