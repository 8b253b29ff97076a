package dev.autograd.examples;

import dev.autograd.data.Dataset;
import dev.autograd.nn.Mlp;
import dev.autograd.nn.Softmax;

/** The classes a trained classifier predicts for a dataset's rows. */
final class Predictions {
  private Predictions() {}

  /** Returns the class with the largest logit for every row of {@code data}, building no graph. */
  static int[] classes(Mlp model, Dataset data) {
    int[] out = new int[data.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Softmax.argmax(model.predict(data.features(i)));
    }
    return out;
  }
}
