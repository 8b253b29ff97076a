package dev.autograd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autograd.core.CompiledGraph;
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
      new EagerRegression(0.25, -0.5),
      new CompiledRegression(0.25, -0.5),
      CompiledRegression.generated(0.25, -0.5),
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
    for (int i = 0; i < RegressionStep.SIZE; i++) {
      double x = RegressionStep.input(i);
      double residual = 0.25 * x - 0.5 - (2 * x + 10);
      gw += 2 * residual * x / RegressionStep.SIZE;
      gb += 2 * residual / RegressionStep.SIZE;
    }
    assertClose(gw, model.weightGrad(), "dL/dw");
    assertClose(gb, model.biasGrad(), "dL/db");
  }

  @Test
  void demoTwoLossGraphHas555ReachableNodesOf204Leaves() {
    CompiledGraph graph = CompiledGraph.compile(new EagerRegression(0.25, -0.5).loss());
    assertEquals(555, graph.size());
    // 50 inputs, 50 ones, 50 targets, w, b; per step: 50 dot zeros, the sum's zero, 1/50.
    assertEquals(50 * 3 + 2 + 50 + 1 + 1, graph.leaves().size());
  }
}
