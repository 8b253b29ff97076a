package dev.autograd.nn;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.autograd.core.Value;

/**
 * A function applied to each output of a layer, built from the core ops. Each activation also
 * applies to a plain {@code double}, for inference without a graph: {@link #apply(double)} returns
 * bit for bit the data of {@link #apply(Value)} on a leaf holding the same number (the same
 * arithmetic as the core op, checked by a test over special and random values).
 */
public enum Activation {
  /** The identity: returns its input node itself, adding nothing to the graph. */
  LINEAR {
    @Override
    Value onNode(Value v) {
      return v;
    }

    @Override
    public double apply(double x) {
      return x;
    }
  },
  /** {@code max(0, v)}, see {@link Value#relu()}. */
  RELU {
    @Override
    Value onNode(Value v) {
      return v.relu();
    }

    @Override
    public double apply(double x) {
      return x < 0 ? 0.0 : x;
    }
  },
  /** {@code tanh(v)}, see {@link Value#tanh()}. */
  TANH {
    @Override
    Value onNode(Value v) {
      return v.tanh();
    }

    @Override
    public double apply(double x) {
      return Math.tanh(x);
    }
  },
  /** {@code 1 / (1 + e^-v)}, see {@link Value#sigmoid()}. */
  SIGMOID {
    @Override
    Value onNode(Value v) {
      return v.sigmoid();
    }

    @Override
    public double apply(double x) {
      return 1.0 / (1.0 + Math.exp(-x));
    }
  };

  // Each constant's two functions are methods of its own body rather than lambdas: a cold JVM
  // loads four small classes faster than it bootstraps eight lambdas (about 2 ms inside the timed
  // training of autograd-bench/compare-sklearn.sh, results-2026-11-30-cold.md).

  /**
   * Returns this activation of {@code v}: {@code v} itself for {@link #LINEAR}, otherwise a new
   * node.
   *
   * @throws NullPointerException if {@code v} is null
   */
  public Value apply(Value v) {
    return onNode(checkNotNull(v, "v"));
  }

  /** Returns this activation of {@code v}, not null. */
  abstract Value onNode(Value v);

  /**
   * Returns this activation of {@code x}, equal bit for bit to {@code apply(Value.of(x)).data()},
   * building no graph. NaN stays NaN; infinities follow the op's IEEE 754 arithmetic ({@code
   * tanh(±inf) = ±1}, {@code relu(inf) = inf}, {@code sigmoid(-inf) = 0}).
   */
  public abstract double apply(double x);
}
