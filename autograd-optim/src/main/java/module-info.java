/**
 * Losses, optimizers, learning-rate schedules, gradient clipping and the training loop. Exports
 * {@code dev.autograd.optim}; its API speaks in the core's {@code Value} and nn's types.
 */
module dev.autograd.optim {
  requires transitive dev.autograd.core;
  requires transitive dev.autograd.nn;
  requires com.google.common;
  requires me.tongfei.progressbar;

  exports dev.autograd.optim;
}
