package dev.autograd.nn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Random;

/**
 * How initial weights are drawn. Each scheme is a uniform distribution on {@code [-limit,
 * limit)} and consumes exactly one {@link Random#nextDouble()} per sample, computed as {@code
 * -limit + 2 * limit * random.nextDouble()}, so a seeded {@link Random} gives reproducible models.
 */
public enum Init {
  /**
   * {@code uniform(-1, 1)}, the reference program's {@code random.uniform(-1, 1)}: {@code -1 + 2 *
   * random.nextDouble()}, whatever the fan-in and fan-out.
   */
  UNIFORM {
    @Override
    double limit(int fanIn, int fanOut) {
      return 1.0;
    }
  },
  /** Glorot/Xavier uniform: {@code limit = sqrt(6 / (fanIn + fanOut))}, suited to tanh. */
  XAVIER {
    @Override
    double limit(int fanIn, int fanOut) {
      return Math.sqrt(6.0 / ((double) fanIn + fanOut));
    }
  },
  /** He/Kaiming uniform: {@code limit = sqrt(6 / fanIn)}, suited to ReLU. */
  HE {
    @Override
    double limit(int fanIn, int fanOut) {
      return Math.sqrt(6.0 / fanIn);
    }
  };

  abstract double limit(int fanIn, int fanOut);

  /**
   * Returns one weight drawn from this scheme for a layer with {@code fanIn} inputs and {@code
   * fanOut} outputs, consuming one {@code random.nextDouble()}.
   *
   * @throws NullPointerException if {@code random} is null
   * @throws IllegalArgumentException if {@code fanIn} or {@code fanOut} is below 1
   */
  public double sample(Random random, int fanIn, int fanOut) {
    checkNotNull(random, "random");
    checkArgument(fanIn >= 1 && fanOut >= 1,
        "fanIn and fanOut must be at least 1, got fanIn=%s, fanOut=%s", fanIn, fanOut);
    double limit = limit(fanIn, fanOut);
    return -limit + 2 * limit * random.nextDouble();
  }
}
