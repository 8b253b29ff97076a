package dev.autograd.bench;

import static dev.autograd.examples.ReferenceRegression.DATA_SIZE;
import static dev.autograd.examples.ReferenceRegression.LEARNING_RATE;

import dev.autograd.examples.ReferenceRegression;

import java.util.ArrayList;
import java.util.List;

/** Demo 2 on {@link NaiveValue}, the faithful port of the reference program: the baseline. */
final class NaiveRegression implements RegressionStep {
  private final NaiveValue w;
  private final NaiveValue b;
  private final List<NaiveValue> parameters;
  private final List<List<NaiveValue>> inputs = new ArrayList<>(DATA_SIZE);
  private final List<NaiveValue> targets = new ArrayList<>(DATA_SIZE);

  NaiveRegression(double w0, double b0) {
    for (int i = 0; i < DATA_SIZE; i++) {
      inputs.add(List.of(new NaiveValue(ReferenceRegression.input(i)), new NaiveValue(1.0)));
      targets.add(new NaiveValue(ReferenceRegression.target(i)));
    }
    w = new NaiveValue(w0);
    b = new NaiveValue(b0);
    parameters = List.of(w, b);
  }

  @Override
  public double step() {
    List<NaiveValue> losses = new ArrayList<>(DATA_SIZE);
    for (int i = 0; i < DATA_SIZE; i++) {
      NaiveValue prediction = NaiveValue.dot(inputs.get(i), parameters);
      losses.add(prediction.sub(targets.get(i)).pow(2));
    }
    NaiveValue meanLoss = NaiveValue.sum(losses).mul(1.0 / DATA_SIZE);
    for (NaiveValue p : parameters) {
      p.grad = 0.0;
    }
    meanLoss.backward();
    for (NaiveValue p : parameters) {
      p.data -= LEARNING_RATE * p.grad;
    }
    return meanLoss.data;
  }

  @Override
  public double weight() {
    return w.data;
  }

  @Override
  public double bias() {
    return b.data;
  }

  @Override
  public double weightGrad() {
    return w.grad;
  }

  @Override
  public double biasGrad() {
    return b.grad;
  }
}
