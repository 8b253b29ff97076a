package dev.autograd.optim;

/**
 * The kind of momentum {@link Sgd} uses, with PyTorch's semantics ({@code torch.optim.SGD} with
 * zero dampening). With coefficient {@code mu}, each parameter keeps a buffer {@code v}, set to
 * its grad {@code g} on the first step and to {@code mu * v + g} after.
 */
public enum Momentum {
  /** No buffer: the parameter moves by {@code -learningRate * g}, as in the reference program. */
  NONE,
  /** Classical (heavy-ball) momentum: the parameter moves by {@code -learningRate * v}. */
  CLASSICAL,
  /**
   * Nesterov's momentum as {@code torch.optim.SGD(nesterov=True)} computes it (after Sutskever et
   * al., 2013): the parameter moves by {@code -learningRate * (g + mu * v)}.
   */
  NESTEROV
}
