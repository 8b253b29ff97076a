package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // scopes are opened for their effect, not referenced
class AnomalyDetectionTest {

  @AfterEach
  void switchOff() {
    AnomalyDetection.disable();
  }

  @Test
  void detectionIsOffByDefaultAndNonFiniteValuesFollowIeee() {
    assertFalse(AnomalyDetection.isEnabled());
    Value x = Value.of(0.0);
    Value y = x.log();
    y.backward();
    assertEquals(Double.NEGATIVE_INFINITY, y.data());
    assertEquals(Double.POSITIVE_INFINITY, x.grad());
  }

  @Test
  void enableAndDisableFlipTheGlobalSwitch() {
    AnomalyDetection.enable();
    assertTrue(AnomalyDetection.isEnabled());
    AnomalyDetection.disable();
    assertFalse(AnomalyDetection.isEnabled());
  }

  @Test
  void scopeRestoresThePreviousStateEvenWhenNested() {
    try (AnomalyDetection.Scope outer = AnomalyDetection.on()) {
      assertTrue(AnomalyDetection.isEnabled());
      try (AnomalyDetection.Scope inner = AnomalyDetection.on()) {
        assertTrue(AnomalyDetection.isEnabled());
      }
      assertTrue(AnomalyDetection.isEnabled(), "inner scope restores 'on'");
    }
    assertFalse(AnomalyDetection.isEnabled(), "outer scope restores 'off'");
  }

  @Test
  void closingAScopeTwiceRestoresOnlyOnce() {
    AnomalyDetection.Scope scope = AnomalyDetection.on();
    scope.close();
    AnomalyDetection.enable();
    scope.close();
    assertTrue(AnomalyDetection.isEnabled());
  }

  @Test
  void anOpProducingInfinityNamesTheOpItsInputsAndTheLabel() {
    Value x = Value.of(0.0, "x");
    try (AnomalyDetection.Scope on = AnomalyDetection.on()) {
      AnomalyException e = assertThrows(AnomalyException.class, x::log);
      assertEquals(
          "anomaly in forward: op 'log' produced -Infinity from inputs [0.0 'x']; node label ''",
          e.getMessage());
    }
  }

  @Test
  void aBinaryOpNamesBothInputs() {
    Value a = Value.of(1.0, "a");
    Value b = Value.of(0.0, "b");
    try (AnomalyDetection.Scope on = AnomalyDetection.on()) {
      ArithmeticException e = assertThrows(ArithmeticException.class, () -> a.div(b));
      assertEquals(
          "anomaly in forward: op '/' produced Infinity from inputs [1.0 'a', 0.0 'b'];"
              + " node label ''",
          e.getMessage());
    }
  }

  @Test
  void aNanFromAPowerNamesTheExponentInTheOp() {
    Value x = Value.of(-8.0, "x");
    try (AnomalyDetection.Scope on = AnomalyDetection.on()) {
      AnomalyException e = assertThrows(AnomalyException.class, () -> x.pow(0.5));
      assertEquals(
          "anomaly in forward: op '**0.5' produced NaN from inputs [-8.0 'x']; node label ''",
          e.getMessage());
    }
  }

  @Test
  void aNonFiniteLeafIsRejectedWithItsLabel() {
    try (AnomalyDetection.Scope on = AnomalyDetection.on()) {
      AnomalyException e = assertThrows(AnomalyException.class, () -> Value.of(Double.NaN, "w"));
      assertEquals("anomaly in forward: leaf created with NaN; node label 'w'", e.getMessage());
      assertThrows(AnomalyException.class, () -> Value.of(Double.NEGATIVE_INFINITY));
    }
  }

  @Test
  void finiteGraphsBuildAndDifferentiateUnchangedWhileOn() {
    Value x = Value.of(-2.0, "x");
    Value y = Value.of(5.0, "y");
    try (AnomalyDetection.Scope on = AnomalyDetection.on()) {
      Value f = x.add(y).mul(y).tanh().add(x.exp()).sub(y.log()).div(y.pow(x));
      f.backward();
      Value g = x.add(y).mul(y).tanh().add(x.exp()).sub(y.log()).div(y.pow(x));
      double gx = x.grad();
      AnomalyDetection.disable();
      g.backward();
      assertEquals(gx, x.grad());
    }
  }

  @Test
  void backwardNamesTheFirstNodeWhoseStepMakesAGradInfinite() {
    Value x = Value.of(0.0, "x");
    try (AnomalyDetection.Scope on = AnomalyDetection.on()) {
      Value f = x.pow(0.5).mul(3.0);
      AnomalyException e = assertThrows(AnomalyException.class, f::backward);
      assertEquals(
          "anomaly in backward: op '**0.5' (node label '', data 0.0, upstream grad 3.0) made the"
              + " grad of input 0 Infinity; inputs [0.0 'x']",
          e.getMessage());
    }
  }

  @Test
  void backwardNamesTheSecondInputWhenOnlyItsGradOverflows() {
    Value a = Value.of(1.0, "a");
    Value b = Value.of(1e-200, "b");
    try (AnomalyDetection.Scope on = AnomalyDetection.on()) {
      Value q = a.div(b);
      AnomalyException e = assertThrows(AnomalyException.class, q::backwardAccumulate);
      assertEquals(
          "anomaly in backward: op '/' (node label '', data 1.0E200, upstream grad 1.0) made the"
              + " grad of input 1 -Infinity; inputs [1.0 'a', 1.0E-200 'b']",
          e.getMessage());
    }
  }

  @Test
  void backwardCompletesThePassThenThrowsForTheFirstAnomaly() {
    Value x = Value.of(0.0, "x");
    Value y = Value.of(4.0, "y");
    Value f = y.mul(2.0).add(x.log()).add(y.log()); // built while off: log(0) = -Infinity
    try (AnomalyDetection.Scope on = AnomalyDetection.on()) {
      AnomalyException e = assertThrows(AnomalyException.class, f::backward);
      assertEquals(
          "anomaly in backward: op 'log' (node label '', data -Infinity, upstream grad 1.0) made"
              + " the grad of input 0 Infinity; inputs [0.0 'x']",
          e.getMessage());
      assertEquals(2.25, y.grad(), "nodes after the anomaly were still differentiated");
      assertEquals(Double.POSITIVE_INFINITY, x.grad());
    }
  }

  @Test
  void aNanBuiltWhileOffIsCaughtInBackwardAtTheOpItFlowsThrough() {
    Value nan = Value.of(Double.NaN, "n");
    Value out = nan.tanh().add(1.0);
    try (AnomalyDetection.Scope on = AnomalyDetection.on()) {
      AnomalyException e = assertThrows(AnomalyException.class, out::backward);
      assertTrue(e.getMessage().startsWith("anomaly in backward: op 'tanh'"), e.getMessage());
    }
  }

  @Test
  void aGraphThatFailedInBackwardDifferentiatesAgainOnceDetectionIsOff() {
    Value x = Value.of(0.0, "x");
    Value f;
    try (AnomalyDetection.Scope on = AnomalyDetection.on()) {
      f = x.pow(0.5).add(x.mul(2.0));
      assertThrows(AnomalyException.class, f::backward);
      assertEquals(Double.POSITIVE_INFINITY, x.grad(), "the pass completed before the exception");
    }
    f.backward();
    assertEquals(Double.POSITIVE_INFINITY, x.grad());
    Value g = x.mul(x).add(x);
    g.backward();
    assertEquals(1.0, x.grad(), "search flags were cleared after the failed pass");
  }

  @Test
  void aFailureWhileAnInteriorInputIsPendingLeavesTheGraphDifferentiable() {
    // The failing step sends an infinite grad into an interior node (z) that the sweep has
    // reached but not yet propagated: its search flag must still be cleared.
    Value x = Value.of(0.0, "x");
    Value z = x.mul(1.0);
    Value f = z.pow(0.5).add(x.mul(x.add(3.0)));
    try (AnomalyDetection.Scope on = AnomalyDetection.on()) {
      AnomalyException e = assertThrows(AnomalyException.class, f::backward);
      assertTrue(e.getMessage().startsWith("anomaly in backward: op '**0.5'"), e.getMessage());
      assertThrows(AnomalyException.class, f::backwardAccumulate);
    }
    Value g = z.mul(z).add(x.mul(3.0));
    g.backward();
    assertEquals(3.0, x.grad(), "every node of the failed sweep was released");
    assertEquals(0.0, z.grad());
    f.backward();
    assertEquals(Double.POSITIVE_INFINITY, x.grad());
  }

  @Test
  void compiledReplayDoesNotCheck() {
    Value x = Value.of(1.0, "x");
    Value f = x.log();
    CompiledGraph graph = CompiledGraph.compile(f);
    x.setData(0.0);
    try (AnomalyDetection.Scope on = AnomalyDetection.on()) {
      assertEquals(Double.NEGATIVE_INFINITY, graph.forwardBackward());
      assertEquals(Double.POSITIVE_INFINITY, x.grad());
    }
  }
}
