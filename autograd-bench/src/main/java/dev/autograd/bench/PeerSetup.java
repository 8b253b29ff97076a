package dev.autograd.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Prints, as JSON, the problems that {@code peers.py} times in other frameworks: micrograd's moons
 * classifier exactly as {@link MoonsMlp} builds it with seed 1 (layer sizes, each neuron's weights
 * and bias, the 100 points and labels, learning rate, L2 coefficient) and the seed's demo 2 ({@link
 * RegressionStep}: inputs, targets, {@code w0}, {@code b0}, learning rate), each with the step-0
 * loss the engine computes, which every peer must reproduce to {@code 1e-9}.
 *
 * <p>Every number is printed with {@link Double#toString(double)}, which reads back to the same
 * double, so the peers start from bit-identical parameters.
 */
public final class PeerSetup {
  /** micrograd's L2 coefficient in its moons demo: {@code reg_loss = alpha * sum(p * p)}. */
  static final double ALPHA = 1e-4;

  private PeerSetup() {}

  /** Prints the JSON document to standard output; takes no arguments. */
  public static void main(String[] args) {
    PrintStream out = System.out;
    out.println(json());
    out.flush();
  }

  /** Returns the JSON document describing both problems. */
  static String json() {
    MoonsMlp model = new MoonsMlp(MlpStepBenchmark.SEED);
    int[] sizes = MoonsMlp.sizes();
    StringJoiner layers = new StringJoiner(",", "[", "]");
    for (int l = 0; l + 1 < sizes.length; l++) {
      StringJoiner neurons = new StringJoiner(",", "[", "]");
      for (int j = 0; j < sizes[l + 1]; j++) {
        neurons.add(array(model.neuron(l, j)));
      }
      layers.add(neurons.toString());
    }
    StringJoiner points = new StringJoiner(",", "[", "]");
    double[] labels = new double[MoonsMlp.POINTS];
    for (int i = 0; i < MoonsMlp.POINTS; i++) {
      points.add(array(model.input(i)));
      labels[i] = model.label(i);
    }
    double[] inputs = new double[RegressionStep.SIZE];
    double[] targets = new double[RegressionStep.SIZE];
    for (int i = 0; i < RegressionStep.SIZE; i++) {
      inputs[i] = RegressionStep.input(i);
      targets[i] = RegressionStep.target(i);
    }
    EagerRegression demoTwo =
        new EagerRegression(DemoTwoStepBenchmark.W0, DemoTwoStepBenchmark.B0);
    return String.format(
        Locale.ROOT,
        "{\"moons\": {\"sizes\": %s, \"neurons\": %s, \"points\": %s, \"labels\": %s,"
            + " \"learningRate\": %s, \"alpha\": %s, \"loss\": %s, \"lossL2\": %s},\n"
            + " \"demo2\": {\"inputs\": %s, \"targets\": %s, \"w0\": %s, \"b0\": %s,"
            + " \"learningRate\": %s, \"loss\": %s}}",
        array(sizes),
        layers,
        points,
        array(labels),
        MlpStepBenchmark.LEARNING_RATE,
        ALPHA,
        model.loss().data(),
        model.loss(ALPHA).data(),
        array(inputs),
        array(targets),
        DemoTwoStepBenchmark.W0,
        DemoTwoStepBenchmark.B0,
        RegressionStep.LEARNING_RATE,
        demoTwo.loss().data());
  }

  private static String array(double[] values) {
    StringJoiner joined = new StringJoiner(",", "[", "]");
    for (double v : values) {
      joined.add(Double.toString(v));
    }
    return joined.toString();
  }

  private static String array(int[] values) {
    StringJoiner joined = new StringJoiner(",", "[", "]");
    for (int v : values) {
      joined.add(Integer.toString(v));
    }
    return joined.toString();
  }
}
