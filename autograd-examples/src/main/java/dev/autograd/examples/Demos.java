package dev.autograd.examples;

/** The module's default main: runs the seed's demos in the seed's order. */
public final class Demos {
  private Demos() {}

  /** Runs demo 1 (scalar calculation). */
  public static void main(String[] args) {
    ScalarDemo.run(System.out);
  }
}
