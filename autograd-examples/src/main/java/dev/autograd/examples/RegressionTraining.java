package dev.autograd.examples;

import dev.autograd.core.Value;
import dev.autograd.data.Dataset;
import dev.autograd.data.Standardizer;
import dev.autograd.data.TrainTestSplit;
import dev.autograd.nn.Activation;
import dev.autograd.nn.BiasTrickLinear;
import dev.autograd.nn.Init;
import dev.autograd.optim.Adam;
import dev.autograd.optim.History;
import dev.autograd.optim.Momentum;
import dev.autograd.optim.MseLoss;
import dev.autograd.optim.Optimizer;
import dev.autograd.optim.Sgd;
import dev.autograd.optim.Trainer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The train-and-report sequence of the linear regression examples ({@code diabetes}, {@code csv}):
 * {@code BiasTrickLinear(n → 1)} fitted by minibatch MSE with SGD (Nesterov momentum 0.9) or Adam
 * on a seeded shuffled split whose features are standardised on the training part, then the
 * learned coefficients (the target per standard deviation of each feature) and both MSEs.
 */
final class RegressionTraining {
  private RegressionTraining() {}

  /** The share of the rows held out for testing. */
  static final double TEST_FRACTION = 0.2;

  /** How to train: the optimizer's name ({@code sgd} or {@code adam}) and its settings. */
  record Config(String optimizer, double learningRate, int epochs, int batchSize, long seed) {}

  /**
   * What a run produced: the model, the coefficients in feature order and the bias (its last
   * weight), the test rows' actual and predicted targets, both MSEs and the history.
   */
  record Result(BiasTrickLinear model, List<String> featureNames, double[] coefficients,
      double bias, int trainSize, double trainMse, double testMse, double[] testActual,
      double[] testPredicted, History history) {}

  /** A seeded shuffled split and both its parts standardised on the training part. */
  record Parts(Dataset train, Dataset test) {
    /** Splits {@code data}, holding out {@link #TEST_FRACTION} of its rows, seeded by seed. */
    static Parts of(Dataset data, long seed) {
      TrainTestSplit split = TrainTestSplit.shuffled(data, TEST_FRACTION, seed);
      Standardizer scaler = Standardizer.fit(split.train());
      return new Parts(scaler.transform(split.train()), scaler.transform(split.test()));
    }
  }

  /** Splits {@code data}, standardises and trains as the class comment says. */
  static Result train(Dataset data, Config config, boolean quiet) {
    return train(Parts.of(data, config.seed()), config, quiet);
  }

  /** Trains on {@code parts} as the class comment says. */
  static Result train(Parts parts, Config config, boolean quiet) {
    Dataset train = parts.train();
    Dataset test = parts.test();
    BiasTrickLinear model = new BiasTrickLinear(train.featureCount(), 1, Activation.LINEAR,
        Init.XAVIER, new Random(config.seed()));
    History history = fit(model, train, config, quiet);
    List<Value> weights = model.parameters();
    double[] coefficients = new double[train.featureCount()];
    for (int j = 0; j < coefficients.length; j++) {
      coefficients[j] = weights.get(j).data();
    }
    double[] predicted = predict(model, test.features());
    return new Result(model, train.featureNames(), coefficients,
        weights.get(coefficients.length).data(), train.size(), mse(predict(model, train.features()),
            train.targets()), mse(predicted, test.targets()), test.targets(), predicted, history);
  }

  /**
   * Trains {@code model} on {@code train}'s rows and targets by per-example MSE, as {@code config}
   * says; returns the history (with the training MSE after each epoch).
   */
  static History fit(BiasTrickLinear model, Dataset train, Config config, boolean quiet) {
    Optimizer optimizer = config.optimizer().equals("adam")
        ? new Adam(model.parameters(), config.learningRate())
        : new Sgd(model.parameters(), config.learningRate(), Momentum.NESTEROV, 0.9);
    return new Trainer(model::forward, MseLoss::of, optimizer)
        .epochs(config.epochs()).batchSize(config.batchSize()).shuffleSeed(config.seed())
        .quiet(quiet)
        .fit(train.features(), train.targetRows());
  }

  /** Returns the model's output for each row of {@code x}. */
  static double[] predict(BiasTrickLinear model, double[][] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      List<Value> row = new ArrayList<>(x[i].length);
      for (double v : x[i]) {
        row.add(Value.of(v));
      }
      out[i] = model.forward(row).get(0).data();
    }
    return out;
  }

  /** Returns {@code mean((predicted - actual)^2)}. */
  static double mse(double[] predicted, double[] actual) {
    double sum = 0;
    for (int i = 0; i < predicted.length; i++) {
      double d = predicted[i] - actual[i];
      sum += d * d;
    }
    return sum / predicted.length;
  }

  /**
   * Prints {@code "<title>: <n> training rows, <m> test rows; <settings>"}, before training, so
   * that it comes above a progress bar.
   */
  static void printHeader(String title, Parts parts, Config config, PrintWriter out) {
    out.println(String.format(Locale.ROOT, "%s: %s, %s; %s lr %s, %d %s, minibatches of"
        + " %d, seed %d", title, rows(parts.train().size(), "training"),
        rows(parts.test().size(), "test"), config.optimizer(), config.learningRate(),
        config.epochs(), config.epochs() == 1 ? "epoch" : "epochs", config.batchSize(),
        config.seed()));
  }

  /**
   * Prints the coefficients as {@code <quantity>} per standard deviation of each feature, the
   * bias and both MSEs.
   */
  static void printResult(String quantity, Result result, PrintWriter out) {
    out.println("Coefficients (" + quantity + " per standard deviation):");
    int width = "bias".length();
    for (String name : result.featureNames()) {
      width = Math.max(width, name.length());
    }
    String row = "  %-" + width + "s %9.3f";
    for (int j = 0; j < result.coefficients().length; j++) {
      out.println(String.format(Locale.ROOT, row, result.featureNames().get(j),
          result.coefficients()[j]));
    }
    out.println(String.format(Locale.ROOT, row, "bias", result.bias()));
    out.println(String.format(Locale.ROOT, "Training MSE %.1f, test MSE %.1f (RMSE %.1f)",
        result.trainMse(), result.testMse(), Math.sqrt(result.testMse())));
  }

  private static String rows(int n, String part) {
    return n + " " + part + (n == 1 ? " row" : " rows");
  }
}
