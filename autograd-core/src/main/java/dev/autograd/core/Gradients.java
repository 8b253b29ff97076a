package dev.autograd.core;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derivatives as {@link Value}s whose graphs are themselves differentiable, as PyTorch's {@code
 * torch.autograd.grad(outputs, inputs, create_graph=True)} returns them: second and higher
 * derivatives, Hessians and Hessian-vector products come from differentiating a derivative again.
 *
 * <p>{@link #of(Value, List)} runs the same reverse sweep as {@link Value#backward()} (same node
 * order, same special-point conventions), but instead of adding doubles into {@code grad} fields it
 * builds each chain-rule step out of {@code Value} ops, using each op's derivative as written in
 * the op table. No {@code grad} field is read or written, so it may be called between a {@code
 * backward()} and an optimizer step without disturbing either.
 *
 * <p><b>Built at the current data.</b> Like any graph, the derivative graph is built from the
 * numbers the nodes hold now. Where an op's derivative is piecewise (relu, abs, max, min,
 * leakyRelu, and the branch that keeps tanh's and sigmoid's derivatives accurate far from 0), the
 * piece is chosen now; the derivative graph is exact around the current point, and is rebuilt
 * after {@link Value#setData(double)} as any graph is.
 *
 * <p>Cost: {@code of} creates a few nodes per node of the output's graph; {@link #hessian} calls
 * {@code of} once for the gradient and once per variable on it, so an {@code n}-variable Hessian
 * costs about {@code n + 1} backward passes.
 */
public final class Gradients {
  private Gradients() {}

  /**
   * Returns {@code d(output)/d(wrt[i])} for each {@code i}, each as a new {@code Value} built from
   * {@code Value} ops on the nodes of {@code output}'s graph, so that it can be differentiated
   * again (with {@code of}) or backpropagated (with {@link Value#backward()}). The list has the
   * length of {@code wrt}. A node of {@code wrt} that {@code output} does not depend on gets a new
   * constant leaf {@code 0} (as JAX returns zeros; PyTorch asks for {@code allow_unused}); {@code
   * wrt} may name interior nodes and may repeat a node. Touches no grad.
   *
   * <p>The first derivatives equal, up to the rounding of operations done in a different order in
   * a few ops' derivatives, what {@link Value#backward()} leaves in the grads.
   *
   * @throws NullPointerException if {@code output}, {@code wrt} or an element of {@code wrt} is
   *     null
   * @throws IllegalStateException if a leaf of the graph was changed by {@link
   *     Value#setData(double)} after a node was built from it (a stale graph, as {@link
   *     Value#backward()} reports it)
   */
  public static List<Value> of(Value output, List<Value> wrt) {
    checkNotNull(output, "output");
    checkElements(wrt, "wrt");
    Map<Value, Value> adjoint = adjoints(output);
    List<Value> result = new ArrayList<>(wrt.size());
    for (Value w : wrt) {
      Value g = adjoint.get(w);
      result.add(g == null ? Value.of(0.0) : g);
    }
    return result;
  }

  /**
   * Returns the Hessian {@code H[i][j] = d²(output)/d(wrt[i])d(wrt[j])} at the current data, an
   * {@code n × n} array for {@code n = wrt.size()}: row {@code i} is the gradient of {@code
   * d(output)/d(wrt[i])}. Symmetric up to rounding (the two mixed partials are computed along
   * different paths). Touches no grad.
   *
   * @throws NullPointerException if {@code output}, {@code wrt} or an element of {@code wrt} is
   *     null
   * @throws IllegalStateException for a stale graph, as {@link #of(Value, List)}
   */
  public static double[][] hessian(Value output, List<Value> wrt) {
    List<Value> gradient = of(output, wrt);
    int n = wrt.size();
    double[][] h = new double[n][];
    for (int i = 0; i < n; i++) {
      h[i] = data(of(gradient.get(i), wrt));
    }
    return h;
  }

  /**
   * Returns the Hessian-vector product {@code H v}, of length {@code n = wrt.size()}, without
   * forming {@code H}: the gradient of {@code sum_i v[i] * d(output)/d(wrt[i])} (Pearlmutter's
   * trick, B. A. Pearlmutter, "Fast exact multiplication by the Hessian", Neural Computation 6,
   * 1994), at the cost of two backward passes. Touches no grad.
   *
   * @throws NullPointerException if {@code output}, {@code wrt}, an element of {@code wrt} or
   *     {@code v} is null
   * @throws IllegalArgumentException if {@code v.length != wrt.size()}
   * @throws IllegalStateException for a stale graph, as {@link #of(Value, List)}
   */
  public static double[] hessianVectorProduct(Value output, List<Value> wrt, double[] v) {
    checkNotNull(v, "v");
    checkElements(wrt, "wrt");
    checkArgument(v.length == wrt.size(), "v has length %s but wrt has %s elements", v.length,
        wrt.size());
    List<Value> gradient = of(output, wrt);
    List<Value> terms = new ArrayList<>(v.length);
    for (int i = 0; i < v.length; i++) {
      terms.add(gradient.get(i).mul(v[i]));
    }
    return data(of(Value.sum(terms), wrt));
  }

  /**
   * Returns every reachable node's adjoint {@code d(output)/d(node)} as a {@code Value}; a node
   * absent from the map only received constant-zero contributions.
   */
  private static Map<Value, Value> adjoints(Value output) {
    Value[] order = Backprop.propagationOrder(output);
    for (int i = 0; i < order.length && order[i].left != null; i++) {
      order[i].checkInputsUnchanged();
    }
    Map<Value, Value> adjoint = new IdentityHashMap<>(order.length * 2);
    adjoint.put(output, Value.of(1.0));
    for (Value v : order) {
      if (v.left == null) {
        break; // the leaves come last and propagate nothing
      }
      Value g = adjoint.get(v);
      if (g == null) {
        continue;
      }
      if (v.op == Op.DOT_CODE) {
        ((DotValue) v).adjoints(adjoint, g);
        continue;
      }
      Op op = Op.of(v.op);
      accumulate(adjoint, v.left, op.leftGrad(v, g));
      if (op.kind == Op.Kind.BINARY) {
        accumulate(adjoint, v.right, op.rightGrad(v, g));
      }
    }
    return adjoint;
  }

  /** Adds {@code contribution} into {@code node}'s adjoint; null is a constant zero, skipped. */
  static void accumulate(Map<Value, Value> adjoint, Value node, Value contribution) {
    if (contribution != null) {
      adjoint.merge(node, contribution, Value::add);
    }
  }

  private static void checkElements(List<Value> values, String name) {
    checkNotNull(values, name);
    for (int i = 0; i < values.size(); i++) {
      checkNotNull(values.get(i), "%s[%s] is null", name, i);
    }
  }

  private static double[] data(List<Value> values) {
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i).data();
    }
    return out;
  }
}
