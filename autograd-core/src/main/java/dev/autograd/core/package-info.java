/**
 * The scalar autograd engine: {@link dev.autograd.core.Value} nodes and their operations,
 * reverse-mode backpropagation, {@link dev.autograd.core.CompiledGraph} replay without
 * allocation, {@link dev.autograd.core.GradCheck} finite-difference checking and {@link
 * dev.autograd.core.DotGraph} drawing.
 */
package dev.autograd.core;
