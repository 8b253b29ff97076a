package dev.autograd.core;

/**
 * Thrown while {@link AnomalyDetection} is on, at the first NaN or infinity that a forward
 * operation creates or that backpropagation sends into a grad. The message names the operation,
 * its input values and labels, and the label of the node.
 */
public final class AnomalyException extends ArithmeticException {
  private static final long serialVersionUID = 1L;

  AnomalyException(String message) {
    super(message);
  }
}
