package dev.autograd.examples;

import dev.autograd.core.PythonFormat;
import dev.autograd.core.Value;
import java.io.PrintStream;

/** Demo 1 of the seed: {@code f = (x + y) * y} at {@code x = -2, y = 5}, and its gradients. */
public final class ScalarDemo {
  private ScalarDemo() {}

  /** Prints the seed's demo 1 lines: the result 15.0 and the gradients x=5.0, y=8.0. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs demo 1, printing its lines to {@code out}. */
  public static void run(PrintStream out) {
    out.println();
    out.println("--- Demo 1: Simple Scalar Calculation ---");
    Value x = Value.of(-2.0, "x");
    Value y = Value.of(5.0, "y");
    Value f = x.add(y).mul(y);
    f.backward();
    out.println("Result: " + PythonFormat.repr(f.data()) + ", Gradients: x="
        + PythonFormat.repr(x.grad()) + ", y=" + PythonFormat.repr(y.grad()));
  }
}
