package dev.autograd.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autograd.core.GradCheck;
import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/** Random data and a squared-error loss over a model's outputs, for the gradient properties. */
final class ModelLoss {
  private ModelLoss() {}

  /**
   * Returns {@code sum over points and outputs of (out - target)^2} for {@code points} random
   * inputs in {@code [-2, 2)} and targets in {@code [-1, 1)} drawn from {@code random}.
   */
  static Value squaredError(
      Function<List<Value>, List<Value>> model, int inputs, int outputs, int points,
      Random random) {
    List<Value> terms = new ArrayList<>();
    for (int k = 0; k < points; k++) {
      List<Value> x = new ArrayList<>(inputs);
      for (int i = 0; i < inputs; i++) {
        x.add(Value.of(-2 + 4 * random.nextDouble()));
      }
      List<Value> out = model.apply(x);
      for (int j = 0; j < outputs; j++) {
        terms.add(out.get(j).sub(-1 + 2 * random.nextDouble()).pow(2));
      }
    }
    return Value.sum(terms);
  }

  /**
   * Returns true if no ReLU node in the graph of {@code loss} has an input within {@code margin}
   * of the kink at 0, where finite differences are meaningless.
   */
  static boolean clearOfReluKinks(Value loss, double margin) {
    List<Value> stack = new ArrayList<>(List.of(loss));
    Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    while (!stack.isEmpty()) {
      Value v = stack.remove(stack.size() - 1);
      if (!seen.add(v)) {
        continue;
      }
      if (v.op().equals("relu") && Math.abs(v.children().get(0).data()) < margin) {
        return false;
      }
      if (v.op().equals("relu(dot)") && Math.abs(preActivation(v)) < margin) {
        return false;
      }
      stack.addAll(v.children());
    }
    return true;
  }

  /**
   * Returns the pre-activation sum of a {@link Value#dotRelu} node, from its children {@code
   * start, a[0], b[0], ...}: the value of the dot node it fuses.
   */
  static double preActivation(Value fused) {
    List<Value> in = fused.children();
    List<Value> a = new ArrayList<>();
    List<Value> b = new ArrayList<>();
    for (int i = 1; i < in.size(); i += 2) {
      a.add(in.get(i));
      b.add(in.get(i + 1));
    }
    return Value.dot(in.get(0), a, b).data();
  }

  /** Number of (activation, init) pairs, indexed by {@link #activation} and {@link #init}. */
  static final int CHOICES = Activation.values().length * Init.values().length;

  static Activation activation(int choice) {
    return Activation.values()[choice % Activation.values().length];
  }

  static Init init(int choice) {
    return Init.values()[choice / Activation.values().length];
  }

  /**
   * Asserts that {@code model}'s parameter gradients of {@code loss} pass {@link GradCheck} at
   * 1e-6 and returns true, or returns false without checking when a ReLU input lies within 1e-3
   * of the kink, where finite differences straddle it and mean nothing.
   */
  static boolean gradientsMatchUnlessNearAKink(Module model, Value loss, long seed) {
    if (!clearOfReluKinks(loss, 1e-3)) {
      return false;
    }
    GradCheck.Report report = GradCheck.check(loss, model.parameters());
    assertTrue(report.passes(1e-6), () -> model + " seed " + seed + "\n" + report);
    return true;
  }
}
