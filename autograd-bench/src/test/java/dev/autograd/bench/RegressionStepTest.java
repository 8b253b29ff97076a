package dev.autograd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autograd.core.CompiledGraph;
import dev.autograd.examples.ReferenceRegression;
import org.junit.jupiter.api.Test;

class RegressionStepTest {
  /** Relative tolerance between the four ways of computing the same step. */
  private static final double TOLERANCE = 1e-12;

  private static void assertClose(double expected, double actual, String what) {
    assertEquals(expected, actual, TOLERANCE * Math.max(1.0, Math.abs(expected)), what);
  }

  @Test
  void naiveEagerCompiledGeneratedAndHandWrittenStepsAgreeForTwentySteps() {
    RegressionStep naive = new NaiveRegression(0.25, -0.5);
    RegressionStep[] others = {
      LibraryRegression.eager(0.25, -0.5),
      LibraryRegression.compiled(0.25, -0.5),
      LibraryRegression.generated(0.25, -0.5),
      new HandWrittenRegression(0.25, -0.5)
    };
    for (int step = 0; step < 20; step++) {
      double loss = naive.step();
      for (RegressionStep other : others) {
        String where = other.getClass().getSimpleName() + " at step " + step;
        assertClose(loss, other.step(), "loss of " + where);
        assertClose(naive.weightGrad(), other.weightGrad(), "dL/dw of " + where);
        assertClose(naive.biasGrad(), other.biasGrad(), "dL/db of " + where);
        assertClose(naive.weight(), other.weight(), "w of " + where);
        assertClose(naive.bias(), other.bias(), "b of " + where);
      }
    }
  }

  @Test
  void firstStepFromTheFixedStartHasTheAnalyticGradient() {
    RegressionStep model = new HandWrittenRegression(0.25, -0.5);
    model.step();
    double gw = 0.0;
    double gb = 0.0;
    int n = ReferenceRegression.DATA_SIZE;
    for (int i = 0; i < n; i++) {
      double x = 0.5 * i;
      double residual = 0.25 * x - 0.5 - (2 * x + 10);
      gw += 2 * residual * x / n;
      gb += 2 * residual / n;
    }
    assertClose(gw, model.weightGrad(), "dL/dw");
    assertClose(gb, model.biasGrad(), "dL/db");
  }

  @Test
  void demoTwoLossGraphIsRecordedIn555SlotsOf204Leaves() {
    CompiledGraph graph = CompiledGraph.compile(new ReferenceRegression(0.25, -0.5).loss());
    // Made per step, per point: the dot's constant 0 and its one fused node, sub, the square (4
    // nodes; the reference program's dot is 5: 0, 2 products, 2 adds); then the mean's 0, 50
    // adds, the constant 1/50 and a mul (53). Fixed leaves, made once as the reference program
    // makes them: 50 x, 50 bias-trick ones, 50 y, w, b. A record holds each dot node as the
    // chain it stands for (2 products, 2 adds), so per point 7 slots: 50 * 7 + 53 + 152.
    assertEquals(50 * 7 + 53 + 50 * 3 + 2, graph.size());
    // Leaves: the mean's 0 and 1/50, the dots' 50 zeros and the fixed 152.
    assertEquals(2 + 50 + 50 * 3 + 2, graph.leaves().size());
  }

  @Test
  void demoTwoEagerStepMakes253NodesOf405Reachable() {
    // Per point 4 nodes (the dot's constant 0, the dot node, sub, the square), the mean 53; with
    // the 152 fixed leaves.
    assertEquals(50 * 4 + 53 + 152,
        MlpStepTest.reachable(new ReferenceRegression(0.25, -0.5).loss()));
  }
}
