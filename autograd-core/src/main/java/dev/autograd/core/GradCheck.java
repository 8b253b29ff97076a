package dev.autograd.core;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

/**
 * Checks backpropagated gradients against central finite differences.
 *
 * <p>For each input {@code x} the numeric derivative is the central difference {@code (f(x+h) -
 * f(x-h)) / 2h} with {@code h = step * max(1, |x|)}, refined by one Richardson extrapolation step
 * ({@code (4 D(h/2) - D(h)) / 3}, error of order {@code h^4}). The error reported per input is
 * {@code |analytic - numeric| / max(1, |analytic|, |numeric|)}: relative for gradients above 1 in
 * size, absolute below, so that zero gradients are judged fairly.
 *
 * <p>Finite differences are meaningless within {@code h} of a kink ({@code relu} at 0) or a
 * singularity ({@code log} at 0); keep check points away from those.
 */
public final class GradCheck {
  /** Default relative step: {@code h = 1e-5 * max(1, |x|)}. */
  public static final double DEFAULT_STEP = 1e-5;

  private GradCheck() {}

  /**
   * Compares the gradients that {@code output.backward()} gives each of {@code inputs} with finite
   * differences taken by replaying the recorded graph ({@link CompiledGraph}) with one input
   * moved at a time. Calls {@code output.backward()}, so grads in the graph are overwritten; every
   * input's data is restored bit for bit without a new version (see {@link Value#setData}), so
   * {@code output}'s graph stays valid for {@code backward()}.
   *
   * @throws NullPointerException if an argument or input is null
   * @throws IllegalArgumentException if an input is not a leaf, or {@code step} is not positive
   *     and finite
   */
  public static Report check(Value output, List<Value> inputs, double step) {
    checkNotNull(output, "output");
    checkNotNull(inputs, "inputs");
    checkArgument(step > 0 && step < Double.POSITIVE_INFINITY,
        "step must be positive and finite, got %s", step);
    for (int i = 0; i < inputs.size(); i++) {
      Value x = checkNotNull(inputs.get(i), "inputs[%s] is null", i);
      checkArgument(x.isLeaf(), "inputs[%s] must be a leaf, but was made by op '%s'", i, x.op());
    }
    CompiledGraph graph = CompiledGraph.compile(output);
    Map<Value, Boolean> reachable = new IdentityHashMap<>();
    for (Value leaf : graph.leaves()) {
      reachable.put(leaf, Boolean.TRUE);
    }
    output.backward();
    List<Entry> entries = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      Value x = inputs.get(i);
      double analytic = reachable.containsKey(x) ? x.grad() : 0.0;
      double x0 = x.data();
      double numeric;
      try {
        numeric =
            derivative(
                t -> {
                  x.data = t; // not setData: restored below, the caller's graph stays valid
                  return graph.forward();
                },
                x0,
                step);
      } finally {
        x.data = x0;
      }
      entries.add(new Entry(i, x.label(), analytic, numeric));
    }
    graph.forward();
    return new Report(entries);
  }

  /** Same as {@link #check(Value, List, double)} with {@link #DEFAULT_STEP}. */
  public static Report check(Value output, List<Value> inputs) {
    return check(output, inputs, DEFAULT_STEP);
  }

  /**
   * Checks a function given as code: builds it on fresh leaves holding {@code point}, backprops,
   * then re-runs {@code f} on moved points for the finite differences (so {@code f} may branch on
   * values, as long as it is smooth near {@code point}).
   *
   * @throws NullPointerException if {@code f} or {@code point} is null, or {@code f} returns null
   */
  public static Report check(Function<List<Value>, Value> f, double... point) {
    checkNotNull(f, "f");
    checkNotNull(point, "point");
    List<Value> leaves = leavesAt(point);
    Value out = checkNotNull(f.apply(leaves), "f returned null");
    out.backward();
    List<Entry> entries = new ArrayList<>(point.length);
    for (int i = 0; i < point.length; i++) {
      final int index = i;
      double numeric =
          derivative(
              t -> {
                double[] moved = point.clone();
                moved[index] = t;
                return checkNotNull(f.apply(leavesAt(moved)), "f returned null").data();
              },
              point[i],
              DEFAULT_STEP);
      entries.add(new Entry(i, leaves.get(i).label(), leaves.get(i).grad(), numeric));
    }
    return new Report(entries);
  }

  private static List<Value> leavesAt(double[] point) {
    List<Value> leaves = new ArrayList<>(point.length);
    for (int i = 0; i < point.length; i++) {
      leaves.add(Value.of(point[i], "x" + i));
    }
    return leaves;
  }

  /** Richardson-extrapolated central difference of {@code f} at {@code x0}. */
  static double derivative(DoubleUnaryOperator f, double x0, double step) {
    double h = step * Math.max(1.0, Math.abs(x0));
    double coarse = central(f, x0, h);
    double fine = central(f, x0, h / 2);
    return (4 * fine - coarse) / 3;
  }

  private static double central(DoubleUnaryOperator f, double x0, double h) {
    double up = x0 + h;
    double down = x0 - h;
    return (f.applyAsDouble(up) - f.applyAsDouble(down)) / (up - down);
  }

  /** One input's comparison. */
  public record Entry(int index, String label, double analytic, double numeric) {
    /** Returns {@code |analytic - numeric| / max(1, |analytic|, |numeric|)}; NaN if either is. */
    public double error() {
      double scale = Math.max(1.0, Math.max(Math.abs(analytic), Math.abs(numeric)));
      return Math.abs(analytic - numeric) / scale;
    }
  }

  /** The comparison for every input, in input order. */
  public static final class Report {
    private final List<Entry> entries;

    Report(List<Entry> entries) {
      this.entries = Collections.unmodifiableList(entries);
    }

    /** Returns one entry per input, in input order. */
    public List<Entry> entries() {
      return entries;
    }

    /** Returns the largest {@link Entry#error()}, NaN if any is NaN, 0 with no inputs. */
    public double maxError() {
      double max = 0.0;
      for (Entry e : entries) {
        double err = e.error();
        if (Double.isNaN(err)) {
          return Double.NaN;
        }
        max = Math.max(max, err);
      }
      return max;
    }

    /** Returns true if every entry's error is at most {@code tolerance} (and none is NaN). */
    public boolean passes(double tolerance) {
      double max = maxError();
      return max <= tolerance;
    }

    /** Returns a table: one line per input with analytic, numeric and error. */
    @Override
    public String toString() {
      StringBuilder sb =
          new StringBuilder("GradCheck (max error ").append(maxError()).append(")\n");
      for (Entry e : entries) {
        sb.append(String.format(Locale.ROOT,
            "  [%d] %-8s analytic=% .12e numeric=% .12e error=%.3e\n",
            e.index(), e.label(), e.analytic(), e.numeric(), e.error()));
      }
      return sb.toString();
    }
  }
}
