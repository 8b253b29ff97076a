package dev.autograd.jit;

/**
 * Forward arithmetic that generated code calls instead of branching inline (straight-line code
 * then needs no stack-map frames); the JIT inlines these.
 */
final class Kernels {
  private Kernels() {}

  /** Returns relu of {@code a} exactly as {@code Value.relu()} computes it. */
  static double relu(double a) {
    return a < 0 ? 0.0 : a;
  }
}
