/**
 * Replay of a recorded Value graph as generated JVM bytecode (ASM). Exports {@code
 * dev.autograd.jit}; its API speaks in the core's types, and {@code GeneratedGradients} plugs it
 * into optim's {@code Trainer}.
 */
module dev.autograd.jit {
  requires transitive dev.autograd.core;
  requires transitive dev.autograd.optim;
  requires org.objectweb.asm;

  exports dev.autograd.jit;
}
