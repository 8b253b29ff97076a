package dev.autograd.jit;

/**
 * One generated class: the replay of a contiguous range of interior slots. {@link #forward}
 * recomputes the range in increasing slot order, {@link #backward} propagates it in decreasing
 * order; both read and write the shared slot arrays.
 */
interface ReplaySegment {
  /** Recomputes this segment's slots of {@code data}. */
  void forward(double[] data);

  /** Propagates this segment's slots: adds their contributions into {@code grad}. */
  void backward(double[] data, double[] grad);
}
