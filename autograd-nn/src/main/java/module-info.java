/**
 * Layers on the Value graph: dot products, the bias trick, fully connected layers, MLPs,
 * initialisation and parameter files. Exports {@code dev.autograd.nn}; its API speaks in the core's
 * {@code Value}, so reading it reads {@code dev.autograd.core}.
 */
module dev.autograd.nn {
  requires transitive dev.autograd.core;
  requires com.google.common;

  exports dev.autograd.nn;
}
