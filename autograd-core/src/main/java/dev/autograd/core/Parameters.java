package dev.autograd.core;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Strings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one rule for lists of trainable parameters, followed by every API that takes one
 * (optimizers, gradient clipping, regularisation, parameter files).
 *
 * <h2>Tied weights</h2>
 *
 * A node listed more than once (a weight shared by two places of a model) is one parameter: the
 * list is deduplicated by node identity, keeping the first-seen order, as PyTorch's {@code
 * Module.parameters()} deduplicates shared tensors. So an optimizer moves a tied weight once, by
 * its accumulated gradient, and keeps one moment slot for it; clipping counts its gradient once.
 * Nodes are compared by identity, never by value: two distinct leaves holding equal numbers are two
 * parameters.
 */
public final class Parameters {
  private Parameters() {}

  /**
   * Returns the distinct nodes of {@code params} in first-seen order, as a new unmodifiable list
   * (later changes to {@code params} do not show). An empty list gives an empty list.
   *
   * @param name how error messages call the list, as in {@code params[2] is null}
   * @throws NullPointerException if {@code params}, {@code name} or an element is null
   * @throws IllegalArgumentException if an element is not a leaf (an operation made it, so no
   *     optimizer could meaningfully set its data); the message names its position and op
   */
  public static List<Value> distinct(List<Value> params, String name) {
    checkNotNull(name, "name");
    checkNotNull(params, name);
    Map<Value, Boolean> seen = new IdentityHashMap<>(params.size());
    List<Value> distinct = new ArrayList<>(params.size());
    for (int i = 0; i < params.size(); i++) {
      Value p = checkNotNull(params.get(i), "%s[%s] is null", name, i);
      if (!p.isLeaf()) { // not checkArgument: its varargs would box and allocate for every element
        throw new IllegalArgumentException(Strings.lenientFormat(
            "%s[%s] must be a leaf, but was made by op '%s'", name, i, p.op()));
      }
      if (seen.put(p, Boolean.TRUE) == null) {
        distinct.add(p);
      }
    }
    return Collections.unmodifiableList(distinct);
  }

  /**
   * Sets the grad of every node of {@code params} to {@code 0} (mutates their grads), as the
   * reference program's {@code p.grad = 0.0} loop does.
   *
   * @throws NullPointerException if {@code params} or an element is null; then no grad changes
   */
  public static void zeroGrad(List<Value> params) {
    checkNotNull(params, "params");
    for (int i = 0; i < params.size(); i++) {
      checkNotNull(params.get(i), "params[%s] is null", i);
    }
    for (int i = 0; i < params.size(); i++) {
      params.get(i).zeroGrad();
    }
  }
}
