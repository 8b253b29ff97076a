package dev.autograd.bench;

import java.util.ArrayList;
import java.util.List;

/** Demo 2 on {@link NaiveValue}, the seed-faithful port: the baseline to beat. */
final class NaiveRegression implements RegressionStep {
  private final NaiveValue w;
  private final NaiveValue b;
  private final List<NaiveValue> parameters;
  private final List<List<NaiveValue>> inputs = new ArrayList<>(SIZE);
  private final List<NaiveValue> targets = new ArrayList<>(SIZE);

  NaiveRegression(double w0, double b0) {
    for (int i = 0; i < SIZE; i++) {
      inputs.add(List.of(new NaiveValue(RegressionStep.input(i)), new NaiveValue(1.0)));
      targets.add(new NaiveValue(RegressionStep.target(i)));
    }
    w = new NaiveValue(w0);
    b = new NaiveValue(b0);
    parameters = List.of(w, b);
  }

  @Override
  public double step() {
    List<NaiveValue> losses = new ArrayList<>(SIZE);
    for (int i = 0; i < SIZE; i++) {
      NaiveValue prediction = NaiveValue.dot(inputs.get(i), parameters);
      losses.add(prediction.sub(targets.get(i)).pow(2));
    }
    NaiveValue meanLoss = NaiveValue.sum(losses).mul(1.0 / SIZE);
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
