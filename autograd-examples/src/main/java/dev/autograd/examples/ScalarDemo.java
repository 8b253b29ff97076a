package dev.autograd.examples;

import dev.autograd.core.PythonFormat;
import dev.autograd.core.Value;
import java.io.PrintStream;

/** Demo 1 of the seed: {@code f = (x + y) * y} at {@code x = -2, y = 5}, and its gradients. */
public final class ScalarDemo {
  private ScalarDemo() {}

  /** Demo 1's graph after {@code f.backward()}: the inputs and the output. */
  record Graph(Value x, Value y, Value f) {}

  /** Prints the seed's demo 1 lines: the result 15.0 and the gradients x=5.0, y=8.0. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs demo 1, printing its lines to {@code out}. */
  public static void run(PrintStream out) {
    out.println();
    out.println("--- Demo 1: Simple Scalar Calculation ---");
    Graph g = differentiated();
    out.println("Result: " + PythonFormat.repr(g.f().data()) + ", Gradients: x="
        + PythonFormat.repr(g.x().grad()) + ", y=" + PythonFormat.repr(g.y().grad()));
  }

  /** Returns demo 1's graph {@code f = (x + y) * y} with its gradients computed. */
  static Graph differentiated() {
    Value x = Value.of(-2.0, "x");
    Value y = Value.of(5.0, "y");
    Value f = x.add(y).mul(y);
    f.backward();
    return new Graph(x, y, f);
  }
}
