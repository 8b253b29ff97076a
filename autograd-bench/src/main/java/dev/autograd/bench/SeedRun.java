package dev.autograd.bench;

import static dev.autograd.core.PythonFormat.fixed;
import static dev.autograd.core.PythonFormat.repr;

import dev.autograd.core.Value;
import java.io.PrintStream;

/**
 * The seed program end to end on the engine, printing exactly what {@code python3
 * reference.py --w0 W --b0 B} prints (demo 1, then demo 2's 5000 epochs): the Java side of the
 * side-by-side timing in {@code compare-python.sh}. A stand-in until autograd-examples' {@code
 * Demos} main runs demo 2; the final figure should be taken again with that main.
 *
 * <p>Arguments: {@code [--w0 W] [--b0 B] [--epochs N] [--compiled]}; defaults {@code 0.25},
 * {@code -0.5}, {@code 5000}, eager (the graph is rebuilt every epoch, as the seed does).
 */
public final class SeedRun {
  private SeedRun() {}

  /**
   * Runs the seed's program and prints its output to standard output.
   *
   * @throws IllegalArgumentException if an argument is unknown or lacks its value
   */
  public static void main(String[] args) {
    double w0 = 0.25;
    double b0 = -0.5;
    int epochs = 5000;
    boolean compiled = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--w0":
          w0 = Double.parseDouble(valueOf(args, ++i));
          break;
        case "--b0":
          b0 = Double.parseDouble(valueOf(args, ++i));
          break;
        case "--epochs":
          epochs = Integer.parseInt(valueOf(args, ++i));
          break;
        case "--compiled":
          compiled = true;
          break;
        default:
          throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    PrintStream out = System.out;
    Value.of(100.0).mul(Value.of(200.0)).backward();
    demoOne(out);
    RegressionStep model =
        compiled ? new CompiledRegression(w0, b0) : new EagerRegression(w0, b0);
    demoTwo(model, epochs, out);
    out.flush();
  }

  private static String valueOf(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  /** Returns Python's {@code f"{k:03d}"} for {@code k >= 0} (no Formatter: it slows start-up). */
  private static String threeDigits(int k) {
    String digits = Integer.toString(k);
    return digits.length() >= 3 ? digits : "000".substring(digits.length()) + digits;
  }

  private static void demoOne(PrintStream out) {
    out.println("\n--- Demo 1: Simple Scalar Calculation ---");
    Value x = Value.of(-2.0, "x");
    Value y = Value.of(5.0, "y");
    Value f = x.add(y).mul(y);
    f.backward();
    out.println(
        "Result: " + repr(f.data()) + ", Gradients: x=" + repr(x.grad()) + ", y=" + repr(y.grad()));
  }

  private static void demoTwo(RegressionStep model, int epochs, PrintStream out) {
    out.println("\n--- Demo 2: Training Linear Regression (Vectorized Structure) ---");
    out.println("Initial Guess: y = " + fixed(model.weight(), 2) + "x + " + fixed(model.bias(), 2));
    for (int k = 0; k < epochs; k++) {
      double loss = model.step();
      if (k % 50 == 0) {
        out.println(
            "Epoch " + threeDigits(k) + ": MSE Loss=" + fixed(loss, 4) + ", w="
                + fixed(model.weight(), 3) + ", b=" + fixed(model.bias(), 3));
      }
    }
    out.println(
        "\nFinal Result (Learned): y = " + fixed(model.weight(), 3) + "x + "
            + fixed(model.bias(), 3));
    out.println("Target Function: y = 2.000x + 10.000");
  }
}
