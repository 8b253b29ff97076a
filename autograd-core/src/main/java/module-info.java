/**
 * The Value graph: scalar operations, reverse-mode backpropagation, compiled replay, gradient
 * checking and graph drawing. Exports its one API package, {@code dev.autograd.core}.
 */
module dev.autograd.core {
  requires com.google.common;

  exports dev.autograd.core;
}
