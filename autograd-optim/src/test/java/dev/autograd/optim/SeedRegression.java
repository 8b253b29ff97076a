package dev.autograd.optim;

import dev.autograd.core.Value;
import dev.autograd.nn.Activation;
import dev.autograd.nn.Init;
import dev.autograd.nn.BiasTrickLinear;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The reference program's demo 2 set-up: 50 points of {@code y = 2x + 10} and a one-input {@code
 * BiasTrickLinear} model.
 */
final class SeedRegression {
  static final int DATA_SIZE = 50;

  final List<Value> xs = new ArrayList<>(DATA_SIZE);
  final List<Value> ys = new ArrayList<>(DATA_SIZE);
  final BiasTrickLinear model =
      new BiasTrickLinear(1, 1, Activation.LINEAR, Init.UNIFORM, new Random(0));

  /** Builds the seed's data and sets the model's {@code [w, b]} to {@code [w0, b0]}. */
  SeedRegression(double w0, double b0) {
    for (int i = 0; i < DATA_SIZE; i++) {
      Value x = Value.of(i * 0.5);
      xs.add(x);
      ys.add(Value.of(2.0 * x.data() + 10.0));
    }
    w().setData(w0);
    b().setData(b0);
  }

  Value w() {
    return model.parameters().get(0);
  }

  Value b() {
    return model.parameters().get(1);
  }

  /** Runs one epoch as the seed does (forward, MSE, zeroGrad, backward, step); returns the loss. */
  double epoch(Optimizer optimizer) {
    List<Value> predictions = new ArrayList<>(DATA_SIZE);
    for (Value x : xs) {
      predictions.add(model.forward(List.of(x)).get(0));
    }
    Value loss = MseLoss.of(predictions, ys);
    optimizer.zeroGrad();
    loss.backward();
    optimizer.step();
    return loss.data();
  }
}
