package dev.autograd.optim;

import dev.autograd.core.Parameters;
import dev.autograd.core.Value;
import java.util.List;

/** Rescales gradients between {@code backward()} and an optimizer step. */
public final class GradientClipping {
  private GradientClipping() {}

  /**
   * Returns the L2 norm {@code sqrt(sum_i g_i^2)} of the parameters' grads and, if it exceeds
   * {@code maxNorm}, scales every grad in place (mutating the parameters' grads, through {@link
   * Value#setGrad(double)}) by {@code maxNorm / norm}, so that their norm becomes {@code maxNorm}
   * up to rounding, as {@code torch.nn.utils.clip_grad_norm_} does.
   *
   * <p>The sum runs over the distinct nodes of {@code params} ({@link Parameters#distinct}): a tied
   * weight listed twice counts once. The norm is computed scaled by the largest {@code |g_i|}, as
   * LAPACK's {@code dnrm2} does, so it neither overflows nor underflows where the squares would:
   * two grads of {@code 1e200} have norm {@code 1.414e200} and are clipped. A NaN or infinite grad
   * makes the norm NaN or infinite; then the grads are left untouched and that norm is returned,
   * so the caller can skip the step. Finite grads whose norm exceeds {@link Double#MAX_VALUE}
   * return an infinite norm and are still clipped.
   *
   * @throws NullPointerException if {@code params} or an element is null
   * @throws IllegalArgumentException if an element is not a leaf, or {@code maxNorm} is not
   *     positive and finite
   */
  public static double clipByNorm(List<Value> params, double maxNorm) {
    List<Value> checked = Parameters.distinct(params, "params");
    Hyperparameters.positive("maxNorm", maxNorm);
    double largest = 0;
    for (Value p : checked) {
      largest = Math.max(largest, Math.abs(p.grad()));
    }
    if (largest == 0 || !Double.isFinite(largest)) {
      return largest;
    }
    double scaledSumOfSquares = 0;
    for (Value p : checked) {
      double scaled = p.grad() / largest;
      scaledSumOfSquares += scaled * scaled;
    }
    double scaledNorm = Math.sqrt(scaledSumOfSquares);
    double norm = largest * scaledNorm;
    if (norm > maxNorm) {
      double scale = maxNorm / largest / scaledNorm;
      for (Value p : checked) {
        p.setGrad(p.grad() * scale);
      }
    }
    return norm;
  }
}
