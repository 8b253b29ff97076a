package dev.autograd.core;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One backward pass, step by step: the lesson micrograd teaches, printed. {@link #run(Value)}
 * differentiates the graph as {@link Value#backward()} does and records every chain-rule step:
 * for each node made by an operation (in the order {@code backward()} propagates them, the output
 * first) and each of its inputs, the local derivative {@code d(node)/d(input)}, the node's grad
 * (the upstream grad, {@code d(output)/d(node)}), their product (the contribution added into the
 * input's grad) and the input's grad after the addition. When a node feeds several others its
 * grad is the sum of their contributions: the trace shows each addition.
 *
 * <p>The local derivatives and contributions come from the core's op table, the same arithmetic
 * {@code backward()} runs, in the same order, so the trace's final grads equal {@code
 * backward()}'s bit for bit; after {@code run} every node holds its grad as after {@code
 * backward()}. Names are those of {@link GraphTree}: a node's label, else {@code n<k>}. Numbers
 * print with four decimals, except a nonzero number that would show as {@code 0.0000}, which
 * prints with four significant digits ({@code 6.100e-08}); NaN and infinities as Python prints
 * them.
 */
public final class BackwardTrace {

  /**
   * One chain-rule step: {@code contribution = localDerivative * upstream} added into the grad of
   * {@code input}, which then holds {@code inputGradAfter}.
   *
   * @param node the node made by an operation, by name
   * @param op the operation that made it ({@link Value#op()})
   * @param input the input receiving the contribution, by name; for the first step of a {@link
   *     Value#dotRelu} node, {@code <node>.sum}, its pre-activation sum (which is no node)
   * @param localDerivative {@code d(node)/d(input)} at the inputs' data
   * @param upstream the node's grad, {@code d(output)/d(node)}
   * @param contribution what is added into the input's grad
   * @param inputGradAfter the input's grad after the addition
   */
  public record Step(String node, String op, String input, double localDerivative,
      double upstream, double contribution, double inputGradAfter) {}

  private final String output;
  private final List<Step> steps;

  private BackwardTrace(String output, List<Step> steps) {
    this.output = output;
    this.steps = List.copyOf(steps);
  }

  /**
   * Runs {@code output.backward()} and returns the trace of its chain-rule steps.
   *
   * @throws NullPointerException if {@code output} is null
   * @throws IllegalStateException as {@link Value#backward()} does, if a leaf was changed after a
   *     node built from it
   */
  public static BackwardTrace run(Value output) {
    checkNotNull(output, "output");
    output.backward();
    NodeNames names = new NodeNames(output);
    Map<Value, Double> grad = new IdentityHashMap<>();
    grad.put(output, 1.0);
    List<Step> steps = new ArrayList<>();
    for (Value node : Backprop.propagationOrder(output)) {
      if (node.isLeaf()) {
        continue;
      }
      if (node.op == Op.DOT_CODE) {
        dotSteps(names, grad, (DotValue) node, grad.getOrDefault(node, 0.0), steps);
        continue;
      }
      Op op = Op.of(node.op);
      double a = node.left.data;
      double b = node.right == null ? 0.0 : node.right.data;
      double up = grad.getOrDefault(node, 0.0);
      double local = op.leftGrad(a, b, node.data, 1.0);
      steps.add(step(names, grad, node, node.left, local, up, op.leftGrad(a, b, node.data, up)));
      if (Op.readsRight(node.op)) {
        double localRight = op.rightGrad(a, b, node.data, 1.0);
        steps.add(step(names, grad, node, node.right, localRight, up,
            op.rightGrad(a, b, node.data, up)));
      }
    }
    return new BackwardTrace(names.of(output), steps);
  }

  /**
   * The steps of a dot node with upstream grad {@code up}, in {@link DotValue#propagate()}'s order
   * and arithmetic: each input's local derivative ({@code 1} for the start, the other factor for a
   * product's) times the chain's upstream grad ({@code 0.0 + up} but for a one-product start). A
   * fused relu-dot node ({@link Value#dotRelu}) first takes a step into its pre-activation sum,
   * named {@code <node>.sum} (relu's local derivative, 1 or 0), whose grad is then the chain's.
   */
  private static void dotSteps(NodeNames names, Map<Value, Double> grad, DotValue node, double up,
      List<Step> steps) {
    if (node instanceof ReluDotValue) {
      // The relu's step into the pre-activation sum, whose grad starts at 0, as the unfused
      // pair's dot node's: then the dot's steps from the sum's grad.
      ReluDotValue fused = (ReluDotValue) node;
      double contribution = fused.reluGrad(up);
      double sumGrad = 0.0 + contribution;
      steps.add(new Step(names.of(node), node.op(), names.of(node) + ".sum", fused.reluGrad(1.0),
          up, contribution, sumGrad));
      up = sumGrad;
    }
    double g = DotValue.productGrad(up);
    double u = node.startUpstream(up);
    steps.add(step(names, grad, node, node.left, Op.ADD.leftGrad(0.0, 0.0, 0.0, 1.0), u,
        Op.ADD.leftGrad(0.0, 0.0, 0.0, u)));
    for (int k = 0; k < node.terms(); k++) {
      double a = node.a.elements[k].data;
      double b = node.b.elements[k].data;
      steps.add(step(names, grad, node, node.a.elements[k], Op.MUL.leftGrad(a, b, 0.0, 1.0), g,
          Op.MUL.leftGrad(a, b, 0.0, g)));
      steps.add(step(names, grad, node, node.b.elements[k], Op.MUL.rightGrad(a, b, 0.0, 1.0), g,
          Op.MUL.rightGrad(a, b, 0.0, g)));
    }
  }

  private static Step step(NodeNames names, Map<Value, Double> grad, Value node, Value input,
      double local, double up, double contribution) {
    double after = grad.getOrDefault(input, 0.0) + contribution;
    grad.put(input, after);
    return new Step(names.of(node), node.op(), names.of(input), local, up, contribution, after);
  }

  /** Returns the steps in the order the backward pass made them. */
  public List<Step> steps() {
    return steps;
  }

  /**
   * Returns the trace as a table: a header line naming the output, then one line per step with
   * the node, its op, the input, the local derivative, the upstream grad, the contribution and
   * the input's grad after it.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("backward pass from " + output + ": grad(" + output
        + ") = 1; each step adds local derivative * upstream grad into the input's grad\n");
    String format = "%4s  %-8s %-10s %-8s %19s %14s %14s %14s%n";
    sb.append(String.format(format, "step", "node", "op", "input", "local d(node)/d(in)",
        "upstream grad", "contribution", "input grad"));
    int k = 1;
    for (Step s : steps) {
      sb.append(String.format(format, k++, s.node(), s.op(), s.input(),
          PythonFormat.fixedOrScientific(s.localDerivative()),
          PythonFormat.fixedOrScientific(s.upstream()),
          PythonFormat.fixedOrScientific(s.contribution()),
          PythonFormat.fixedOrScientific(s.inputGradAfter())));
    }
    return sb.toString();
  }
}
