package dev.autograd.nn;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.autograd.core.Value;

/** A function applied to each output of a layer, built from the core ops. */
public enum Activation {
  /** The identity: returns its input node itself, adding nothing to the graph. */
  LINEAR {
    @Override
    public Value apply(Value v) {
      return checkNotNull(v, "v");
    }
  },
  /** {@code max(0, v)}, see {@link Value#relu()}. */
  RELU {
    @Override
    public Value apply(Value v) {
      return checkNotNull(v, "v").relu();
    }
  },
  /** {@code tanh(v)}, see {@link Value#tanh()}. */
  TANH {
    @Override
    public Value apply(Value v) {
      return checkNotNull(v, "v").tanh();
    }
  },
  /** {@code 1 / (1 + e^-v)}, see {@link Value#sigmoid()}. */
  SIGMOID {
    @Override
    public Value apply(Value v) {
      return checkNotNull(v, "v").sigmoid();
    }
  };

  /**
   * Returns this activation of {@code v}: {@code v} itself for {@link #LINEAR}, otherwise a new
   * node.
   *
   * @throws NullPointerException if {@code v} is null
   */
  public abstract Value apply(Value v);
}
