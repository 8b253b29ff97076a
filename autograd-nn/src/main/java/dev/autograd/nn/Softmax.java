package dev.autograd.nn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The softmax of a vector of logits and its logarithm, computed stably: with {@code m = max_j
 * z_j},
 *
 * <pre>
 * softmax(z)_k    = exp(z_k - m) / sum_j exp(z_j - m)
 * logSoftmax(z)_k = (z_k - m) - log(sum_j exp(z_j - m))
 * </pre>
 *
 * as PyTorch's {@code torch.softmax} and {@code torch.log_softmax} (<a
 * href="https://pytorch.org/docs/stable/generated/torch.nn.functional.log_softmax.html">docs</a>)
 * and the log-sum-exp trick (Goodfellow, Bengio and Courville, <i>Deep Learning</i>, 2016, section
 * 4.1). Every {@code exp} argument is at most 0 and the sum is at least 1, so logits of ±1000 give
 * finite results and gradients where {@code exp(z_k)} alone would overflow.
 *
 * <p>On graphs, {@code m} is a node: the max of the logits ({@link Value#max(Value)}, left to
 * right) through {@link Value#stopGradient()}, so no gradient flows through the shift. The
 * formulas equal the unshifted ones for any constant {@code m}, so the gradient is exact: {@code d
 * logSoftmax_k / d z_i = [i == k] - softmax_i}, {@code d softmax_k / d z_i = softmax_k ([i == k] -
 * softmax_i)}. A graph recorded for replay ({@code CompiledGraph}) recomputes {@code m} from each
 * replayed example's logits, so replay gives the eager results bit for bit.
 *
 * <p>Non-finite logits: a NaN logit makes every output NaN; a {@code +Infinity} logit makes every
 * output NaN ({@code Infinity - Infinity}); a {@code -Infinity} logit (with a finite one present)
 * gets softmax 0 and logSoftmax {@code -Infinity}.
 *
 * <p>The {@code double[]} methods compute the same operations in the same order as the graph
 * methods and return the same numbers bit for bit, building no graph.
 */
public final class Softmax {
  private Softmax() {}

  /**
   * Returns {@code softmax(logits)} as new nodes, one per logit, summing to 1 up to rounding.
   *
   * @throws NullPointerException if {@code logits} or an element is null
   * @throws IllegalArgumentException if {@code logits} is empty
   */
  public static List<Value> softmax(List<Value> logits) {
    List<Value> exps = shiftedExps(shifted(logits));
    Value total = Value.sum(exps);
    List<Value> out = new ArrayList<>(exps.size());
    for (Value e : exps) {
      out.add(e.div(total));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Returns {@code logSoftmax(logits)} as new nodes, one per logit, each at most 0 up to rounding.
   *
   * @throws NullPointerException if {@code logits} or an element is null
   * @throws IllegalArgumentException if {@code logits} is empty
   */
  public static List<Value> logSoftmax(List<Value> logits) {
    List<Value> shifted = shifted(logits);
    Value logTotal = Value.sum(shiftedExps(shifted)).log();
    List<Value> out = new ArrayList<>(shifted.size());
    for (Value s : shifted) {
      out.add(s.sub(logTotal));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Returns {@code softmax(logits)} as a new array, equal bit for bit to the data of {@link
   * #softmax(List)} on leaves holding {@code logits}.
   *
   * @throws NullPointerException if {@code logits} is null
   * @throws IllegalArgumentException if {@code logits} is empty
   */
  public static double[] softmax(double[] logits) {
    double[] exps = shiftedExps(shifted(logits));
    double total = sum(exps);
    for (int k = 0; k < exps.length; k++) {
      exps[k] = exps[k] / total;
    }
    return exps;
  }

  /**
   * Returns {@code logSoftmax(logits)} as a new array, equal bit for bit to the data of {@link
   * #logSoftmax(List)} on leaves holding {@code logits}.
   *
   * @throws NullPointerException if {@code logits} is null
   * @throws IllegalArgumentException if {@code logits} is empty
   */
  public static double[] logSoftmax(double[] logits) {
    double[] shifted = shifted(logits);
    double logTotal = Math.log(sum(shiftedExps(shifted)));
    for (int k = 0; k < shifted.length; k++) {
      shifted[k] = shifted[k] - logTotal;
    }
    return shifted;
  }

  /**
   * Returns the index of the largest logit, the class to which softmax gives the highest
   * probability; the first such index on a tie, as {@code numpy.argmax}. NaN logits are skipped
   * unless all are NaN, which gives 0.
   *
   * @throws NullPointerException if {@code logits} is null
   * @throws IllegalArgumentException if {@code logits} is empty
   */
  public static int argmax(double[] logits) {
    checkNotNull(logits, "logits");
    checkNotEmpty(logits.length);
    int best = 0;
    for (int k = 1; k < logits.length; k++) {
      if (logits[k] > logits[best] || (Double.isNaN(logits[best]) && !Double.isNaN(logits[k]))) {
        best = k;
      }
    }
    return best;
  }

  /** Returns {@code z_k - m} for each logit, {@code m} the max of the logits, gradient stopped. */
  private static List<Value> shifted(List<Value> logits) {
    checkNotNull(logits, "logits");
    checkNotEmpty(logits.size());
    Value max = checkNotNull(logits.get(0), "logits[%s] is null", 0);
    for (int k = 1; k < logits.size(); k++) {
      max = max.max(checkNotNull(logits.get(k), "logits[%s] is null", k));
    }
    Value shift = max.stopGradient();
    List<Value> out = new ArrayList<>(logits.size());
    for (Value z : logits) {
      out.add(z.sub(shift));
    }
    return out;
  }

  private static List<Value> shiftedExps(List<Value> shifted) {
    List<Value> out = new ArrayList<>(shifted.size());
    for (Value s : shifted) {
      out.add(s.exp());
    }
    return out;
  }

  private static double[] shifted(double[] logits) {
    checkNotNull(logits, "logits");
    checkNotEmpty(logits.length);
    double max = max(logits);
    double[] out = new double[logits.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = logits[k] - max;
    }
    return out;
  }

  private static double[] shiftedExps(double[] shifted) {
    double[] out = new double[shifted.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = Math.exp(shifted[k]);
    }
    return out;
  }

  /** Returns {@code 0 + v[0] + v[1] + ...}, the order of {@link Value#sum(List)}. */
  private static double sum(double[] v) {
    double total = 0.0;
    for (double x : v) {
      total = total + x;
    }
    return total;
  }

  /**
   * Returns the largest element, NaN if any element is NaN: {@link Math#max} left to right, as
   * the graph's chain of {@link Value#max(Value)}.
   */
  private static double max(double[] v) {
    double max = v[0];
    for (int k = 1; k < v.length; k++) {
      double x = v[k];
      max = Math.max(max, x);
    }
    return max;
  }

  private static void checkNotEmpty(int size) {
    checkArgument(size > 0, "softmax needs at least one logit, got none");
  }
}
