package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Value#stopGradient()}: identity forward, exactly zero derivative at every order, and a
 * node of the graph that {@link CompiledGraph} recomputes, unlike {@link Value#detach()}.
 */
class StopGradientTest {
  private static final double INF = Double.POSITIVE_INFINITY;
  private static final double[] POINTS = {-2.5, -0.0, 0.0, 1e300, INF, -INF, Double.NaN};

  @Test
  void forwardIsTheIdentityAtEveryPointIncludingSignedZeroNanAndInfinity() {
    for (double x : POINTS) {
      Value x0 = Value.of(x);
      Value s = x0.stopGradient();
      assertEquals(x, s.data(), () -> "at " + x); // assertEquals on doubles compares the bits
      assertEquals("stopGradient", s.op());
      assertFalse(s.isLeaf());
      assertSame(x0, s.children().get(0));
    }
  }

  @Test
  void derivativeIsZeroEvenForAnInfiniteOrNanUpstream() {
    for (double x : POINTS) {
      for (double up : new double[] {1.0, -3.0, INF, Double.NaN}) {
        Value in = Value.of(x);
        Value root = in.stopGradient().mul(Value.of(up));
        root.backward();
        assertEquals(0.0, in.grad(), () -> "at " + x + ", upstream " + up);
        CompiledGraph compiled = CompiledGraph.compile(root);
        compiled.forwardBackward();
        assertEquals(0.0, compiled.gradOf(in), () -> "replayed at " + x + ", upstream " + up);
        assertEquals(0.0, Gradients.of(root, List.of(in)).get(0).data());
      }
    }
  }

  @Test
  void theContributionIsTheAdditiveIdentitySoEveryGradStaysBitForBit() {
    for (double up : POINTS) {
      double c = Op.STOP_GRADIENT.leftGrad(1.0, 0.0, 1.0, up);
      for (double grad : POINTS) {
        assertEquals(grad, grad + c, () -> "grad " + grad + ", upstream " + up);
      }
    }
    assertEquals(null, Op.STOP_GRADIENT.leftGrad(Value.of(1.0).stopGradient(), Value.of(1.0)));
  }

  @Test
  void onlyTheOtherPathsContributeToTheGradient() {
    // f = x * stopGradient(x): df/dx = stopGradient(x) = x, not 2x; d²f/dx² = 0, not 2
    Value x = Value.of(3.0);
    Value f = x.mul(x.stopGradient());
    f.backward();
    assertEquals(3.0, x.grad());
    List<Value> gradient = Gradients.of(f, List.of(x));
    assertEquals(3.0, gradient.get(0).data());
    assertEquals(0.0, Gradients.of(gradient.get(0), List.of(x)).get(0).data());
    assertEquals(0.0, Gradients.hessian(f, List.of(x))[0][0]);
    // g = x³ * stopGradient(x)²: dg/dx = 3x² s², d²g/dx² = 6x s² (s constant): 243 and 162 at 3
    Value g = x.pow(3.0).mul(x.stopGradient().pow(2.0));
    assertEquals(243.0, Gradients.of(g, List.of(x)).get(0).data());
    assertEquals(162.0, Gradients.hessian(g, List.of(x))[0][0]);
  }

  @Test
  void replayRecomputesItFromTheLeavesWhereADetachedLeafKeepsItsRecordedData() {
    Value x = Value.of(2.0);
    Value stopped = x.sub(x.stopGradient()).add(x.stopGradient().mul(x));
    Value detached = x.sub(x.detach()).add(x.detach().mul(x));
    CompiledGraph replayStopped = CompiledGraph.compile(stopped, List.of(x));
    CompiledGraph replayDetached = CompiledGraph.compile(detached, List.of(x));
    replayStopped.setInputs(new double[] {5.0});
    replayDetached.setInputs(new double[] {5.0});
    assertEquals(0.0 + 25.0, replayStopped.forward());
    assertEquals(3.0 + 10.0, replayDetached.forward()); // the recorded 2.0 stayed
    replayStopped.backward();
    assertEquals(1.0 + 5.0, replayStopped.gradOf(x)); // x - s + s x: 1 + s
    Value eager = Value.of(5.0);
    Value rebuilt = eager.sub(eager.stopGradient()).add(eager.stopGradient().mul(eager));
    rebuilt.backward();
    assertEquals(rebuilt.data(), replayStopped.output());
    assertEquals(eager.grad(), replayStopped.gradOf(x));
  }

  @Test
  void showsInTheDotGraphAndPassesAnomalyDetection() {
    Value x = Value.of(1.0, "x");
    Value y = x.stopGradient().mul(x);
    assertTrue(DotGraph.render(y).contains("stopGradient"), DotGraph.render(y));
    try (AnomalyDetection.Scope scope = AnomalyDetection.on()) {
      y.backward();
    }
    assertEquals(1.0, x.grad());
  }
}
