package dev.autograd.nn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The reference program's vector helpers on lists of {@link Value}: the dot product and the bias
 * trick.
 */
public final class Vectors {
  private Vectors() {}

  /**
   * Returns the dot product {@code 0 + a[0]*b[0] + a[1]*b[1] + ...} as the reference program's
   * {@code dot(v1, v2)}, {@code sum(a * b for ..., Value(0.0))}, computes it: the products added
   * left to right to a new constant leaf 0, with its numbers bit for bit ({@code -0.0} products
   * included: {@code 0.0 + -0.0 = 0.0}). It is one {@link Value#dot} node (start: the constant
   * 0) instead of the reference program's {@code 2n} nodes, with the same value and gradients;
   * two empty vectors give the constant leaf 0 itself, as the reference program's does.
   *
   * @throws NullPointerException if {@code a}, {@code b} or any element is null
   * @throws IllegalArgumentException if {@code a} and {@code b} differ in length
   */
  public static Value dot(List<Value> a, List<Value> b) {
    checkNotNull(a, "a");
    checkNotNull(b, "b");
    checkArgument(a.size() == b.size(), "dot needs vectors of equal length, got %s and %s",
        a.size(), b.size());
    return Value.dot(Value.of(0.0), a, b);
  }

  /**
   * Returns a new unmodifiable list {@code [x_1, ..., x_n, 1]}: the inputs followed by a new
   * constant leaf 1, the reference program's bias trick, so that {@code dot(withBias(x), [w_1..w_n,
   * b])} is {@code w.x + b}. {@code x} itself is not changed.
   *
   * @throws NullPointerException if {@code x} or any element is null
   */
  public static List<Value> withBias(List<Value> x) {
    checkNotNull(x, "x");
    List<Value> biased = new ArrayList<>(x.size() + 1);
    for (int i = 0; i < x.size(); i++) {
      biased.add(checkNotNull(x.get(i), "x[%s] is null", i));
    }
    biased.add(Value.of(1.0));
    return Value.vector(biased); // dot nodes read it without a copy
  }

  /**
   * Returns a new unmodifiable list of new leaves holding {@code x}, one per element in order, so
   * numbers go into a graph without a loop in user code. The leaves are unlabelled constants; an
   * optimizer never sees them unless passed them.
   *
   * @throws NullPointerException if {@code x} is null
   */
  public static List<Value> leaves(double... x) {
    checkNotNull(x, "x");
    List<Value> out = new ArrayList<>(x.length);
    for (double v : x) {
      out.add(Value.of(v));
    }
    return Collections.unmodifiableList(out);
  }
}
