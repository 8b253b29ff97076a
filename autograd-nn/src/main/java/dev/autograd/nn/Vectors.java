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
   * Returns the dot product {@code a[0]*b[0] + a[1]*b[1] + ...}: the products {@code
   * a[i].mul(b[i])} added left to right, as the reference program's {@code dot(v1, v2)} adds them,
   * but starting from the first product instead of from a constant leaf 0, so with two nodes fewer
   * (the reference program's 0 and its first addition).
   *
   * <p>Difference from the reference program: {@code 0.0 + p} is exactly {@code p} for every
   * double but {@code p = -0.0} ({@code 0.0 + -0.0 = 0.0}, IEEE 754). So a partial sum whose
   * products so far are all {@code -0.0} is {@code -0.0} here and {@code 0.0} in the reference
   * program, and where every product is {@code -0.0} (say {@code 0.0 * -2.0}) the dot itself is
   * {@code -0.0} instead of {@code 0.0}; every other value, and every gradient this method's nodes
   * send back, is the reference program's bit for bit. An op applied to the result that tells
   * {@code -0.0} from {@code 0.0} sees the difference (for example {@code 1 / x} gives {@code
   * -Infinity} instead of {@code +Infinity}). Two empty vectors give a new constant leaf 0, as the
   * reference program's does.
   *
   * @throws NullPointerException if {@code a}, {@code b} or any element is null
   * @throws IllegalArgumentException if {@code a} and {@code b} differ in length
   */
  public static Value dot(List<Value> a, List<Value> b) {
    checkNotNull(a, "a");
    checkNotNull(b, "b");
    checkArgument(a.size() == b.size(), "dot needs vectors of equal length, got %s and %s",
        a.size(), b.size());
    Value total = null;
    for (int i = 0; i < a.size(); i++) {
      Value ai = checkNotNull(a.get(i), "a[%s] is null", i);
      Value product = ai.mul(checkNotNull(b.get(i), "b[%s] is null", i));
      total = total == null ? product : total.add(product);
    }
    return total == null ? Value.of(0.0) : total;
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
    return Collections.unmodifiableList(biased);
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
