package dev.autograd.core;

import java.util.List;

/**
 * An opt-in check, like PyTorch's {@code detect_anomaly}, that fails at the first NaN or infinity
 * instead of letting it spread silently. Off by default.
 *
 * <p>While it is on:
 *
 * <ul>
 *   <li>creating a {@link Value} whose data is NaN or {@code ±Infinity} — a leaf from {@link
 *       Value#of(double)}, or the result of any operation — throws an {@link AnomalyException}
 *       naming the operation, its input values and labels, and the node's label; the node is not
 *       created;
 *   <li>{@link Value#backward()} and {@link Value#backwardAccumulate()} throw an {@link
 *       AnomalyException} naming the first node whose chain-rule step made an input's grad NaN
 *       or infinite: its operation, its data, upstream grad and label, and its inputs' values and
 *       labels, as they were at that step. The exception comes at the end of the pass, which
 *       completes: the grads hold its full (non-finite) result.
 * </ul>
 *
 * <p>Not checked: {@link Value#setData(double)} and {@link Value#setGrad(double)} (the next
 * operation built on a non-finite leaf fails instead), and {@link CompiledGraph} replays, which
 * stay allocation- and check-free: to locate a NaN seen in a replay, build the graph again with
 * detection on. When off, checking costs one flag read per node created and one per backward
 * pass.
 *
 * <pre>{@code
 * try (AnomalyDetection.Scope on = AnomalyDetection.on()) {
 *   Value loss = model(x);   // throws at the first op that yields NaN or infinity
 *   loss.backward();         // throws at the first non-finite grad
 * }
 * }</pre>
 *
 * <p>The switch is global, for every thread; set it before building graphs rather than while
 * other threads are building theirs.
 */
public final class AnomalyDetection {
  /** Read by {@link Value}'s constructor and by {@link Backprop}. */
  static volatile boolean enabled;

  private AnomalyDetection() {}

  /** Turns detection on for every thread until {@link #disable()}. */
  public static void enable() {
    enabled = true;
  }

  /** Turns detection off for every thread. */
  public static void disable() {
    enabled = false;
  }

  /** Returns true if detection is on. */
  public static boolean isEnabled() {
    return enabled;
  }

  /**
   * Turns detection on and returns a scope whose {@link Scope#close()} restores the state before
   * this call, for use in try-with-resources.
   */
  public static Scope on() {
    Scope scope = new Scope(enabled);
    enabled = true;
    return scope;
  }

  /** Restores the detection state that held when {@link #on()} was called. */
  public static final class Scope implements AutoCloseable {
    private final boolean previous;
    private boolean closed;

    private Scope(boolean previous) {
      this.previous = previous;
    }

    /** Restores the previous state; closing a scope a second time does nothing. */
    @Override
    public void close() {
      if (!closed) {
        closed = true;
        enabled = previous;
      }
    }
  }

  /** Throws if the node just created holds a non-finite number. */
  static void checkForward(Value node) {
    double x = node.data;
    // A fused relu-dot node also has its pre-activation sum checked, as the dot node of the
    // unfused pair would be (relu turns a sum of -Infinity into 0).
    double sum = node instanceof ReluDotValue ? ((ReluDotValue) node).sum : x;
    if (!Double.isFinite(x) || !Double.isFinite(sum)) {
      String what =
          node.isLeaf()
              ? "leaf created with " + x
              : "op '" + node.op() + "' produced " + x
                  + (node instanceof ReluDotValue ? " (pre-activation sum " + sum + ")" : "")
                  + " from inputs " + inputs(node.children());
      throw new AnomalyException(
          "anomaly in forward: " + what + "; node label '" + node.label() + "'");
    }
  }

  /**
   * Returns the exception to throw once the backward pass is over if {@code node}'s chain-rule
   * step just made one of its inputs' grads non-finite, else null. Throwing only after the pass
   * leaves no node flagged mid-search, whatever order the pass visits nodes in.
   */
  static AnomalyException backwardAnomaly(Value node) {
    if (node.op != Op.DOT_CODE
        && Double.isFinite(node.left.grad)
        && (!Op.readsRight(node.op) || Double.isFinite(node.right.grad))) {
      return null;
    }
    List<Value> inputs = node.children();
    int bad = 0;
    while (bad < inputs.size() && Double.isFinite(inputs.get(bad).grad)) {
      bad++;
    }
    if (bad == inputs.size()) {
      return null;
    }
    return new AnomalyException(
        "anomaly in backward: op '" + node.op() + "' (node label '" + node.label() + "', data "
            + node.data + ", upstream grad " + node.grad + ") made the grad of input " + bad
            + " " + inputs.get(bad).grad + "; inputs " + inputs(inputs));
  }

  private static String inputs(List<Value> inputs) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < inputs.size(); i++) {
      Value v = inputs.get(i);
      sb.append(i == 0 ? "" : ", ").append(v.data).append(" '").append(v.label()).append('\'');
    }
    return sb.append(']').toString();
  }
}
