package dev.autograd.optim;

import static java.util.Objects.requireNonNull;

import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Argument checks shared by the optimizers, each throwing with the offending value named. */
final class Hyperparameters {
  private Hyperparameters() {}

  /** Returns an unmodifiable copy of {@code params}, rejecting a null list or element. */
  static List<Value> parameters(List<Value> params) {
    requireNonNull(params, "params");
    List<Value> copy = new ArrayList<>(params.size());
    for (int i = 0; i < params.size(); i++) {
      Value p = params.get(i);
      if (p == null) {
        throw new NullPointerException("params[" + i + "] is null");
      }
      copy.add(p);
    }
    return Collections.unmodifiableList(copy);
  }

  /** Returns {@code lr} if it is positive and finite. */
  static double learningRate(double lr) {
    if (!(lr > 0) || lr == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("learning rate must be positive and finite, got " + lr);
    }
    return lr;
  }

  /** Returns {@code value} if it lies in {@code [0, 1)}. */
  static double unitInterval(String name, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is positive and finite. */
  static double positive(String name, double value) {
    if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is zero or positive, and finite. */
  static double nonNegative(String name, double value) {
    if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(name + " must be non-negative and finite, got " + value);
    }
    return value;
  }
}
