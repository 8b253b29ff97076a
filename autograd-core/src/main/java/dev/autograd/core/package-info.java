/**
 * The scalar autograd engine: {@link dev.autograd.core.Value} nodes and their operations (each
 * defined once in a package-private op table), reverse-mode backpropagation, derivatives as
 * differentiable graphs with {@link dev.autograd.core.Gradients} (second derivatives, Hessians),
 * {@link dev.autograd.core.CompiledGraph} replay without
 * allocation, {@link dev.autograd.core.GradCheck} finite-difference checking and {@link
 * dev.autograd.core.DotGraph} drawing.
 */
package dev.autograd.core;
