/**
 * The scalar autograd engine: {@link dev.autograd.core.Value} nodes and their operations (each
 * defined once in a package-private op table; {@link dev.autograd.core.Value#dot}, a neuron's
 * weighted sum in one node, and {@link dev.autograd.core.Value#dotRelu}, a relu neuron in one
 * node), reverse-mode backpropagation, derivatives as
 * differentiable graphs with {@link dev.autograd.core.Gradients} (second derivatives, Hessians),
 * {@link dev.autograd.core.CompiledGraph} replay without allocation, {@link
 * dev.autograd.core.GradCheck} finite-difference checking, {@link dev.autograd.core.DotGraph}
 * drawing, and {@link dev.autograd.core.Parameters}: the one rule for lists of trainable
 * parameters (tied weights count once, non-leaves are rejected) that nn and optim follow.
 *
 * <p>Public entry points check their arguments with Guava's {@code Preconditions}, naming the
 * offending values in the message, as nn and optim do.
 */
package dev.autograd.core;
