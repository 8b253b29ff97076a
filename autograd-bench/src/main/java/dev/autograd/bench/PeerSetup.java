package dev.autograd.bench;

import dev.autograd.core.Value;
import dev.autograd.examples.MoonsProblem;
import dev.autograd.examples.ReferenceRegression;
import dev.autograd.nn.Neuron;
import dev.autograd.nn.NeuronLayer;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Prints, as JSON, the problems that {@code peers.py} times in other frameworks: micrograd's moons
 * classifier exactly as {@link MoonsProblem} builds it with seed 1 (layer sizes, each neuron's
 * weights then bias, the 100 points and labels, learning rate, L2 coefficient) and the reference
 * program's demo 2 ({@link ReferenceRegression}: inputs, targets, {@code w0}, {@code b0}, learning
 * rate), each with the step-0 loss the engine computes, which every peer must reproduce to {@code
 * 1e-9}.
 *
 * <p>Every number is printed with {@link Double#toString(double)}, which reads back to the same
 * double, so the peers start from bit-identical parameters.
 */
public final class PeerSetup {
  private PeerSetup() {}

  /** Prints the JSON document to standard output; takes no arguments. */
  public static void main(String[] args) {
    PrintStream out = System.out;
    out.println(json());
    out.flush();
  }

  /** Returns the JSON document describing both problems. */
  static String json() {
    MoonsProblem moons = new MoonsProblem(MlpStepBenchmark.SEED);
    List<NeuronLayer> mlpLayers = moons.model().layers();
    int[] sizes = new int[mlpLayers.size() + 1];
    sizes[0] = moons.model().inputs();
    StringJoiner layers = new StringJoiner(",", "[", "]");
    for (int l = 0; l < mlpLayers.size(); l++) {
      sizes[l + 1] = mlpLayers.get(l).outputs();
      StringJoiner neurons = new StringJoiner(",", "[", "]");
      for (Neuron neuron : mlpLayers.get(l).neurons()) {
        neurons.add(array(dataOf(neuron.parameters())));
      }
      layers.add(neurons.toString());
    }
    StringJoiner points = new StringJoiner(",", "[", "]");
    for (List<Value> x : moons.inputs()) {
      points.add(array(dataOf(x)));
    }
    int n = ReferenceRegression.DATA_SIZE;
    double[] inputs = new double[n];
    double[] targets = new double[n];
    for (int i = 0; i < n; i++) {
      inputs[i] = ReferenceRegression.input(i);
      targets[i] = ReferenceRegression.target(i);
    }
    ReferenceRegression demoTwo =
        new ReferenceRegression(DemoTwoStepBenchmark.W0, DemoTwoStepBenchmark.B0);
    return String.format(
        Locale.ROOT,
        "{\"moons\": {\"sizes\": %s, \"neurons\": %s, \"points\": %s, \"labels\": %s,"
            + " \"learningRate\": %s, \"alpha\": %s, \"loss\": %s, \"lossL2\": %s},\n"
            + " \"demo2\": {\"inputs\": %s, \"targets\": %s, \"w0\": %s, \"b0\": %s,"
            + " \"learningRate\": %s, \"loss\": %s}}",
        array(sizes),
        layers,
        points,
        array(dataOf(moons.labels())),
        MlpStepBenchmark.LEARNING_RATE,
        MoonsProblem.ALPHA,
        moons.loss(0).data(),
        moons.loss(MoonsProblem.ALPHA).data(),
        array(inputs),
        array(targets),
        DemoTwoStepBenchmark.W0,
        DemoTwoStepBenchmark.B0,
        ReferenceRegression.LEARNING_RATE,
        demoTwo.loss().data());
  }

  private static double[] dataOf(List<Value> values) {
    return values.stream().mapToDouble(Value::data).toArray();
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
