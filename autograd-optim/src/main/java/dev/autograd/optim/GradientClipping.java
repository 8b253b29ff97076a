package dev.autograd.optim;

import dev.autograd.core.Value;
import java.util.List;

/** Rescales gradients between {@code backward()} and an optimizer step. */
public final class GradientClipping {
  private GradientClipping() {}

  /**
   * Returns the L2 norm {@code sqrt(sum_i g_i^2)} of the parameters' grads and, if it exceeds
   * {@code maxNorm}, scales every grad in place (mutating the parameters' grads, through {@link
   * Value#setGrad(double)}) by {@code maxNorm / norm}, so that their norm becomes {@code maxNorm}
   * up to rounding. A non-finite norm (a NaN or infinite grad, or overflow of the sum) leaves the
   * grads untouched and is returned, so the caller can skip the step.
   *
   * @throws NullPointerException if {@code params} or an element is null
   * @throws IllegalArgumentException if {@code maxNorm} is not positive and finite
   */
  public static double clipByNorm(List<Value> params, double maxNorm) {
    List<Value> checked = Hyperparameters.parameters(params);
    Hyperparameters.positive("maxNorm", maxNorm);
    double sumOfSquares = 0;
    for (Value p : checked) {
      sumOfSquares += p.grad() * p.grad();
    }
    double norm = Math.sqrt(sumOfSquares);
    if (norm > maxNorm && Double.isFinite(norm)) {
      double scale = maxNorm / norm;
      for (Value p : checked) {
        p.setGrad(p.grad() * scale);
      }
    }
    return norm;
  }
}
