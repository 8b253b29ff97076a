package dev.autograd.bench;

import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Demo 2 on the engine, rebuilding the graph every step exactly as the seed does: each prediction
 * is {@code Value.sum([x*w, 1*b])}, each loss {@code (p - y).pow(2)}, the mean {@code
 * Value.sum(losses).mul(1.0 / 50)}.
 */
final class EagerRegression implements RegressionStep {
  private final Value w;
  private final Value b;
  private final Value[] inputs = new Value[SIZE];
  private final Value[] ones = new Value[SIZE];
  private final Value[] targets = new Value[SIZE];

  EagerRegression(double w0, double b0) {
    for (int i = 0; i < SIZE; i++) {
      inputs[i] = Value.of(RegressionStep.input(i));
      ones[i] = Value.of(1.0);
      targets[i] = Value.of(RegressionStep.target(i));
    }
    w = Value.of(w0, "weight");
    b = Value.of(b0, "bias");
  }

  /** Builds and returns the mean squared error graph for the current {@code w} and {@code b}. */
  Value loss() {
    List<Value> losses = new ArrayList<>(SIZE);
    for (int i = 0; i < SIZE; i++) {
      Value prediction = Value.sum(List.of(inputs[i].mul(w), ones[i].mul(b)));
      losses.add(prediction.sub(targets[i]).pow(2));
    }
    return Value.sum(losses).mul(1.0 / SIZE);
  }

  /** Moves {@code w} and {@code b} against their grads: the seed's update. */
  void update() {
    w.setData(w.data() - LEARNING_RATE * w.grad());
    b.setData(b.data() - LEARNING_RATE * b.grad());
  }

  @Override
  public double step() {
    Value meanLoss = loss();
    w.zeroGrad();
    b.zeroGrad();
    meanLoss.backward();
    update();
    return meanLoss.data();
  }

  @Override
  public double weight() {
    return w.data();
  }

  @Override
  public double bias() {
    return b.data();
  }

  @Override
  public double weightGrad() {
    return w.grad();
  }

  @Override
  public double biasGrad() {
    return b.grad();
  }
}
