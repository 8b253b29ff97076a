/** Losses and optimizers on {@code dev.autograd.core.Value} graphs. */
package dev.autograd.optim;
