package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A backward pass through a node built before one of its leaves changed throws. */
class StaleGraphTest {

  @Test
  void theIssueExampleThrowsNamingTheLeafLabelAndData() {
    Value x = Value.of(0.5);
    Value f = x.mul(x).tanh();
    x.setData(2);
    IllegalStateException e = assertThrows(IllegalStateException.class, f::backward);
    assertTrue(e.getMessage().startsWith("stale graph: leaf \"\" (data 2.0) was changed"), e.getMessage());
    assertTrue(e.getMessage().contains("'*' node"), e.getMessage());
  }

  @Test
  void theMessageNamesALabelledLeaf() {
    Value x = Value.of(0.5, "x");
    Value w = Value.of(3.0, "w");
    Value f = x.mul(w).tanh();
    w.setData(-1.25);
    IllegalStateException e = assertThrows(IllegalStateException.class, f::backward);
    assertTrue(e.getMessage().contains("leaf \"w\" (data -1.25)"), e.getMessage());
  }

  @Test
  void theReferenceLoopOfBuildBackwardSetDataRebuildStaysLegal() {
    Value w = Value.of(0.0, "w");
    Value b = Value.of(0.0, "b");
    double[] xs = {1, 2, 3};
    double[] ys = {3, 5, 7};
    for (int epoch = 0; epoch < 50; epoch++) {
      Value loss = Value.of(0.0);
      for (int i = 0; i < xs.length; i++) {
        loss = loss.add(w.mul(xs[i]).add(b).sub(ys[i]).pow(2));
      }
      loss.backward();
      w.setData(w.data() - 0.02 * w.grad());
      b.setData(b.data() - 0.02 * b.grad());
      assertThrows(IllegalStateException.class, loss::backward, "the old loss is stale now");
    }
    assertEquals(2.0, w.data(), 0.1);
  }

  @Test
  void aNodeBuiltAfterTheChangeIsFresh() {
    Value x = Value.of(0.5, "x");
    x.setData(2.0);
    Value f = x.mul(x).tanh();
    f.backward();
    assertEquals(2 * 2.0 * (1 - Math.pow(Math.tanh(4.0), 2)), x.grad(), 1e-15);
  }

  @Test
  void aFreshNodeOnTopOfAStaleOneStillThrows() {
    Value x = Value.of(0.5, "x");
    Value y = x.mul(3.0);
    x.setData(1.0);
    Value z = y.add(Value.of(1.0, "one"));
    IllegalStateException e = assertThrows(IllegalStateException.class, z::backward);
    assertTrue(e.getMessage().contains("leaf \"x\" (data 1.0)"), e.getMessage());
  }

  @Test
  void settingTheSameValueStillCountsAsAChange() {
    Value x = Value.of(0.5, "x");
    Value f = x.exp();
    x.setData(0.5);
    assertThrows(IllegalStateException.class, f::backward);
  }

  @Test
  void aLeafAsTheOutputHasNothingToGoStale() {
    Value x = Value.of(0.5, "x");
    x.setData(4.0);
    x.backward();
    assertEquals(1.0, x.grad());
  }

  @Test
  void backwardAccumulateThrowsAndLeavesEveryGradAsItWas() {
    Value x = Value.of(0.5, "x");
    Value w = Value.of(2.0, "w");
    Value f = x.mul(w).add(x);
    x.setGrad(7.0);
    w.setGrad(-3.0);
    f.setGrad(11.0);
    x.setData(1.0);
    IllegalStateException e = assertThrows(IllegalStateException.class, f::backwardAccumulate);
    assertTrue(e.getMessage().contains("leaf \"x\" (data 1.0)"), e.getMessage());
    assertEquals(7.0, x.grad());
    assertEquals(-3.0, w.grad());
    assertEquals(11.0, f.grad());
    Value g = x.mul(w).add(x);
    g.backwardAccumulate();
    assertEquals(7.0 + 3.0, x.grad(), "a rebuilt graph accumulates again, and the sweep released");
  }

  @Test
  void aFailedBackwardReleasesTheGraphForTheNextPass() {
    Value x = Value.of(0.5, "x");
    Value y = Value.of(1.5, "y");
    Value shared = x.mul(y);
    Value f = shared.add(shared.tanh()).mul(y);
    x.setData(1.0);
    assertThrows(IllegalStateException.class, f::backward);
    x.setData(0.5);
    Value fresh = x.mul(y);
    Value g = fresh.add(fresh.tanh()).mul(y);
    g.backward();
    double t = Math.tanh(0.75);
    assertEquals(y.data() * (1 + (1 - t * t)) * y.data(), x.grad(), 1e-15);
  }

  @Test
  void setDataOnANodeMadeByAnOperationThrows() {
    Value x = Value.of(0.5, "x");
    Value t = x.tanh();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.setData(1.0));
    assertTrue(e.getMessage().contains("'tanh'"), e.getMessage());
    assertEquals(Math.tanh(0.5), t.data());
    t.backward();
    assertEquals(1 - Math.tanh(0.5) * Math.tanh(0.5), x.grad(), 1e-15);
  }

  @Test
  void compiledReplayFollowsSetData() {
    Value x = Value.of(0.5, "x");
    Value f = x.mul(x).tanh();
    CompiledGraph graph = CompiledGraph.compile(f);
    x.setData(2.0);
    assertEquals(Math.tanh(4.0), graph.forwardBackward());
    Value rebuilt = x.mul(x).tanh();
    rebuilt.backward();
    double eager = x.grad();
    graph.forwardBackward();
    assertEquals(eager, x.grad());
  }

  @Test
  void compiledBackwardAfterSetDataWithoutForwardThrowsAndWritesNoGrad() {
    Value x = Value.of(0.5, "x");
    Value w = Value.of(2.0, "w");
    CompiledGraph graph = CompiledGraph.compile(x.mul(w));
    graph.backward();
    w.setData(3.0);
    IllegalStateException e = assertThrows(IllegalStateException.class, graph::backward);
    assertTrue(e.getMessage().contains("leaf \"w\" (data 3.0)"), e.getMessage());
    assertEquals(2.0, x.grad(), "grads of the last good backward");
    graph.forward();
    graph.backward();
    assertEquals(3.0, x.grad());
  }

  @Test
  void compiledBackwardIgnoresChangesToLeavesOfOtherGraphs() {
    Value x = Value.of(0.5, "x");
    CompiledGraph graph = CompiledGraph.compile(x.mul(x));
    Value other = Value.of(1.0, "other");
    other.setData(2.0);
    graph.backward();
    assertEquals(1.0, x.grad());
  }

  @Test
  void gradCheckRestoresItsInputsWithoutMakingTheGraphStale() {
    Value x = Value.of(0.5, "x");
    Value f = x.mul(x).tanh();
    assertTrue(GradCheck.check(f, List.of(x)).passes(1e-6));
    f.backward();
    assertEquals(0.5, x.data());
  }

  @Test
  void detachGivesAConstantLeafWithTheSameDataAndLabel() {
    Value x = Value.of(1.5, "x");
    Value y = x.mul(2.0);
    Value d = y.detach();
    assertTrue(d.isLeaf());
    assertNotSame(y, d);
    assertEquals(3.0, d.data());
    assertEquals(y.label(), d.label());
    assertEquals("x", x.detach().label());
  }

  @Test
  void detachStopsGradients() {
    Value x = Value.of(1.5, "x");
    Value f = x.mul(x.detach());
    f.backward();
    assertEquals(1.5, x.grad(), "only the attached factor's path: d(x * c)/dx = c");
    Value g = x.mul(x);
    g.backward();
    assertEquals(3.0, x.grad());
  }

  @Test
  void detachSharesNoStorage() {
    Value x = Value.of(1.5, "x");
    Value d = x.detach();
    d.setData(4.0);
    assertEquals(1.5, x.data());
    x.setData(-1.0);
    assertEquals(4.0, d.data());
  }

  @Test
  void setDataOnManyLeavesMakesEveryGraphBuiltBeforeStale() {
    Value x = Value.of(0.5, "x");
    Value w = Value.of(3.0, "w");
    Value b = Value.of(0.25, "b");
    Value f = x.mul(w).add(b).tanh();
    Value g = b.mul(b);
    Value.setData(new Value[] {w, b}, new double[] {-1.25, 2.0});
    assertEquals(-1.25, w.data());
    assertEquals(2.0, b.data());
    IllegalStateException e = assertThrows(IllegalStateException.class, f::backward);
    assertTrue(e.getMessage().contains("(data -1.25)") || e.getMessage().contains("(data 2.0)"),
        e.getMessage());
    assertThrows(IllegalStateException.class, g::backward);
    // Built after the update: fresh, and so stays until the next update.
    Value h = x.mul(w).add(b);
    h.backward();
    assertEquals(0.5, w.grad());
    Value.setData(new Value[] {x}, new double[] {0.5});
    assertThrows(IllegalStateException.class, h::backward);
  }

  @Test
  void setDataOnManyLeavesKeepsTheLastNumberOfALeafGivenTwice() {
    Value w = Value.of(3.0, "w");
    Value.setData(new Value[] {w, w}, new double[] {1.0, -2.0});
    assertEquals(-2.0, w.data());
  }

  @Test
  void setDataOnManyLeavesChecksEveryElementBeforeChangingAny() {
    Value w = Value.of(3.0, "w");
    Value b = Value.of(0.25, "b");
    Value f = w.mul(b);
    Value t = w.tanh();
    IllegalStateException notLeaf = assertThrows(IllegalStateException.class,
        () -> Value.setData(new Value[] {w, t}, new double[] {1.0, 2.0}));
    assertTrue(notLeaf.getMessage().contains("leaves[1]") && notLeaf.getMessage().contains("'tanh'"),
        notLeaf.getMessage());
    NullPointerException nul = assertThrows(NullPointerException.class,
        () -> Value.setData(new Value[] {w, null}, new double[] {1.0, 2.0}));
    assertTrue(nul.getMessage().contains("leaves[1]"), nul.getMessage());
    IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
        () -> Value.setData(new Value[] {w, b}, new double[] {1.0}));
    assertTrue(length.getMessage().contains("2 leaves and 1 numbers"), length.getMessage());
    assertEquals(3.0, w.data());
    assertEquals(0.25, b.data());
    f.backward(); // nothing changed, so the graph is still fresh
    assertEquals(0.25, w.grad());
  }
}
