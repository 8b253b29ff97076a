/**
 * Replay of a recorded {@link dev.autograd.core.Value} graph as generated JVM bytecode: {@link
 * dev.autograd.jit.GeneratedGraph} emits the forward and backward passes of a {@link
 * dev.autograd.core.CompiledGraph}'s record as straight-line code (ASM), split into methods the
 * JIT compiles, and falls back to the core interpreter for graphs too large to generate. This
 * module is the only one that puts ASM on the class path.
 */
package dev.autograd.jit;
