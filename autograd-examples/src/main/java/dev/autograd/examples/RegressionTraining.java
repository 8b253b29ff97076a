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
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;

/**
 * The train-and-report sequence of the linear regression examples ({@code diabetes}, {@code csv}):
 * {@code BiasTrickLinear(n → 1)} fitted by minibatch MSE with SGD (Nesterov momentum 0.9) or Adam
 * on a seeded shuffled split whose features are standardised on the training part, then the
 * learned coefficients (the target per standard deviation of each feature) and both MSEs.
 *
 * <p>A feature that is constant in the training rows tells the fit nothing: its standardised
 * column is set to 0 in both parts (also in test rows where it differs) and its weight starts at
 * 0, so its gradient is 0 and the weight stays 0 (unless the run diverges: an infinite error
 * times the column's 0 is NaN). Its coefficient is 0 and it adds nothing to any prediction, as in
 * a least-squares fit that returns, among equally good fits, the one of least norm (as {@code
 * numpy.linalg.lstsq} documents it does, and scikit-learn's {@code LinearRegression} gives); the
 * printout marks it. Without this its weight would keep its random starting value and weigh the
 * test rows' differences from the constant.
 */
final class RegressionTraining {
  private RegressionTraining() {}

  /** The share of the rows held out for testing. */
  static final double TEST_FRACTION = 0.2;

  /** What {@link #printResult} writes after the coefficient of a feature constant in training. */
  static final String CONSTANT_NOTE = "  (constant in the training rows)";

  /** How to train: the optimizer's name ({@code sgd} or {@code adam}) and its settings. */
  record Config(String optimizer, double learningRate, int epochs, int batchSize, long seed) {}

  /**
   * What a run produced: the model, the coefficients in feature order (each 0 where {@code
   * constantFeatures} is true) and the bias (its last weight), the test rows' actual and predicted
   * targets, both MSEs and the history.
   */
  record Result(BiasTrickLinear model, List<String> featureNames, double[] coefficients,
      boolean[] constantFeatures, double bias, int trainSize, double trainMse, double testMse,
      double[] testActual, double[] testPredicted, History history) {}

  /**
   * A seeded shuffled split and both its parts standardised on the training part, with the
   * columns of the features constant in the training rows ({@code constantFeatures[j]}) set to 0.
   */
  record Parts(Dataset train, Dataset test, boolean[] constantFeatures) {
    /**
     * Splits {@code data}, holding out {@link #TEST_FRACTION} of its rows, seeded by seed. Every
     * message starts with {@code source}, the data's name (a file name), and names a value as
     * {@link #featureAt} and {@link #targetAt} do: by the file's line and column for data read
     * from a file.
     *
     * @throws IllegalArgumentException if the squares of {@code data}'s targets sum to infinity
     *     (naming the row of the target of largest magnitude and that target: the MSE of any
     *     prediction near 0, where training starts, would overflow), a feature column of the
     *     training part is too large to standardise ({@link Standardizer#fit}, naming the column
     *     and its largest magnitude), or a test row holds a value that standardises to an
     *     infinity on the training part's scale (naming the value's row in {@code data}, not in
     *     the test part, its column and the value; a test value less far out gives a test MSE
     *     that is not finite instead)
     */
    static Parts of(Dataset data, String source, long seed) {
      checkTargetSquares(data, source);
      TrainTestSplit split = TrainTestSplit.shuffled(data, TEST_FRACTION, seed);
      Standardizer scaler;
      try {
        scaler = Standardizer.fit(split.train());
      } catch (IllegalArgumentException e) { // "feature column j (name, ...) cannot be ..."
        throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
      }
      boolean[] constant = constantColumns(split.train());
      // Every value of such a column, in both parts, is set to the training constant before
      // standardising, which the scaler fitted as its mean with scale 1 (Standardizer#fit): each
      // then standardises to +0.0 exactly, also a test value far from the constant (which would
      // standardise to an infinity, rejected by transform) and a training -0.0 among 0.0s.
      double[] constants = split.train().features(0);
      Dataset train = scaler.transform(setColumns(split.train(), constant, constants));
      Dataset test = setColumns(split.test(), constant, constants);
      checkStandardisable(scaler, test, data, split.testRows(), source);
      return new Parts(train, scaler.transform(test), constant);
    }
  }

  /**
   * Throws if the squares of {@code data}'s targets sum to infinity, naming the row of the target
   * of largest magnitude.
   */
  private static void checkTargetSquares(Dataset data, String source) {
    double squares = 0;
    int largest = 0;
    for (int i = 0; i < data.size(); i++) {
      double t = data.target(i);
      squares += t * t;
      largest = Math.abs(t) > Math.abs(data.target(largest)) ? i : largest;
    }
    if (!Double.isFinite(squares)) {
      throw new IllegalArgumentException(targetAt(source, data, largest) + ": "
          + data.target(largest) + " is too large a target for the MSE loss: the sum of the target"
          + " column's squares overflows (" + squares + ")");
    }
  }

  /**
   * Throws if a value of {@code test}, whose row {@code i} is {@code data}'s row {@code
   * rows[i]}, standardises to an infinity with {@code scaler}, naming where it is in {@code data}.
   */
  private static void checkStandardisable(Standardizer scaler, Dataset test, Dataset data,
      int[] rows, String source) {
    double[] means = scaler.means();
    double[] scales = scaler.scales();
    for (int i = 0; i < test.size(); i++) {
      double[] z = scaler.transform(test.features(i));
      for (int j = 0; j < z.length; j++) {
        if (!Double.isFinite(z[j])) {
          throw new IllegalArgumentException(featureAt(source, data, rows[i], j) + ": "
              + test.feature(i, j) + " standardises to " + z[j] + " (mean " + means[j]
              + ", scale " + scales[j] + "): a test row lies too far outside the training rows'"
              + " range");
        }
      }
    }
  }

  /**
   * Returns where {@code data}'s feature column {@code column} of row {@code row} is, for
   * messages: {@code "<source> line <l>, column <c> (<name>)"} with the file's line and column
   * (from 1) for data read from a file, else {@code "<source>: row <row>, column <column>
   * (<name>)"} (from 0).
   */
  static String featureAt(String source, Dataset data, int row, int column) {
    return at(source, data.sourceLine(row), data.sourceColumn(column), row, "column " + column,
        data.featureNames().get(column));
  }

  /**
   * Returns where {@code data}'s target of row {@code row} is, for messages: as {@link
   * #featureAt}, or {@code "<source>: row <row>, target (<name>)"} for data built in code.
   */
  static String targetAt(String source, Dataset data, int row) {
    return at(source, data.sourceLine(row), data.targetSourceColumn(), row, "target",
        data.targetName());
  }

  private static String at(String source, OptionalLong line, OptionalInt fileColumn, int row,
      String column, String name) {
    return (line.isPresent() && fileColumn.isPresent()
        ? source + " line " + line.getAsLong() + ", column " + fileColumn.getAsInt()
        : source + ": row " + row + ", " + column) + " (" + name + ")";
  }

  /** Returns which feature columns of {@code data} hold one value in every row. */
  private static boolean[] constantColumns(Dataset data) {
    boolean[] constant = new boolean[data.featureCount()];
    for (int j = 0; j < constant.length; j++) {
      constant[j] = true;
      for (int i = 1; i < data.size() && constant[j]; i++) {
        constant[j] = data.feature(i, j) == data.feature(0, j);
      }
    }
    return constant;
  }

  /**
   * Returns {@code data} with each feature column {@code j} that {@code columns} marks set to
   * {@code values[j]}.
   */
  private static Dataset setColumns(Dataset data, boolean[] columns, double[] values) {
    double[][] x = data.features();
    for (double[] row : x) {
      for (int j = 0; j < row.length; j++) {
        row[j] = columns[j] ? values[j] : row[j];
      }
    }
    return Dataset.of(x, data.targets()).withFeatureNames(data.featureNames())
        .withTargetName(data.targetName());
  }

  /**
   * Splits {@code data} (called {@code source} in messages), standardises and trains as the class
   * comment says.
   */
  static Result train(Dataset data, String source, Config config, boolean quiet) {
    return train(Parts.of(data, source, config.seed()), config, quiet);
  }

  /** Trains on {@code parts} as the class comment says. */
  static Result train(Parts parts, Config config, boolean quiet) {
    Dataset train = parts.train();
    Dataset test = parts.test();
    BiasTrickLinear model = new BiasTrickLinear(train.featureCount(), 1, Activation.LINEAR,
        Init.XAVIER, new Random(config.seed()));
    List<Value> weights = model.parameters();
    boolean[] constant = parts.constantFeatures();
    for (int j = 0; j < constant.length; j++) {
      if (constant[j]) {
        weights.get(j).setData(0); // the starting point; its column is 0, so it stays 0
      }
    }
    History history = fit(model, train, config, quiet);
    double[] coefficients = new double[train.featureCount()];
    for (int j = 0; j < coefficients.length; j++) {
      coefficients[j] = weights.get(j).data();
    }
    double[] predicted = predict(model, test.features());
    return new Result(model, train.featureNames(), coefficients, constant.clone(),
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
   * Prints the coefficients as {@code <quantity>} per standard deviation of each feature (a
   * feature constant in the training rows with {@code (constant in the training rows)} after its
   * 0), the bias and both MSEs.
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
          result.coefficients()[j]) + (result.constantFeatures()[j] ? CONSTANT_NOTE : ""));
    }
    out.println(String.format(Locale.ROOT, row, "bias", result.bias()));
    out.println(String.format(Locale.ROOT, "Training MSE %.1f, test MSE %.1f (RMSE %.1f)",
        result.trainMse(), result.testMse(), Math.sqrt(result.testMse())));
  }

  /**
   * Prints at most one warning line to {@code err}, naming {@code program}: {@link
   * Cli#warnIfDiverged}'s if a training loss is not finite (the run diverged); else, if the test
   * MSE is not finite although the training MSE is, {@code "<program>: warning: the test MSE is
   * <mse> though the training MSE is finite: some test rows lie far outside the training rows'
   * range"} (a feature of a test row so many training standard deviations away that its
   * prediction's squared error overflows). Prints nothing when every loss and both MSEs are
   * finite.
   */
  static void warnIfNotFinite(PrintWriter err, String program, Result result) {
    double[] losses = result.history().loss();
    Cli.warnIfDiverged(err, program, losses);
    if (Cli.firstNonFinite(losses) == 0 && Double.isFinite(result.trainMse())
        && !Double.isFinite(result.testMse())) {
      err.println(program + ": warning: the test MSE is " + result.testMse() + " though the"
          + " training MSE is finite: some test rows lie far outside the training rows' range");
    }
  }

  private static String rows(int n, String part) {
    return n + " " + part + (n == 1 ? " row" : " rows");
  }
}
