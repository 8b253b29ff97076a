package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Hand-made graphs aimed at the shared factor vectors of {@link Value#dot}: one vector in several
 * dot nodes in both places, twice in one dot, as weights and inputs at once, across two graphs,
 * with repeated and interior elements reached by other paths too, and passes that fail half way
 * (a stale node met after a shared vector was reached, an anomaly). Each graph is compared bit for
 * bit with the same graph over plain lists, and with finite differences.
 */
@SuppressWarnings("try") // AnomalyDetection scopes only switch detection on for their block
class SharedVectorScenariosTest {

  /** Nodes of one build: its leaves, some inner nodes, the output. */
  private record Net(List<Value> leaves, List<Value> inner, Value output) {
    List<Value> all() {
      List<Value> all = new ArrayList<>(leaves);
      all.addAll(inner);
      all.add(output);
      return all;
    }
  }

  private static long[] bits(List<Value> nodes) {
    long[] b = new long[nodes.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = Double.doubleToLongBits(nodes.get(i).grad());
    }
    return b;
  }

  private static List<Value> leaves(double... data) {
    List<Value> out = new ArrayList<>();
    for (int i = 0; i < data.length; i++) {
      out.add(Value.of(data[i], "x" + i));
    }
    return out;
  }

  /**
   * One vector {@code v} of leaves and interior nodes (one given twice) read by dot nodes in
   * place a, in place b, in both places of one dot, beside itself as weights and inputs, by dot
   * nodes at three levels; an element of {@code v} also feeds the output directly and is the start
   * of a dot over {@code v}.
   */
  private static Net tangle(List<Value> x, Function<List<Value>, List<Value>> vector) {
    Value h = x.get(0).mul(x.get(1)).tanh(); // interior, reached by other paths too
    Value k = x.get(2).sigmoid();
    List<Value> v = Value.vector(List.of(x.get(0), h, k, h, x.get(3)));
    List<Value> w = Value.vector(List.of(x.get(3), x.get(2), x.get(1), x.get(0), h));
    Value d1 = Value.dot(x.get(1), vector.apply(v), vector.apply(w)); // v as a
    Value d2 = Value.dot(h, vector.apply(w), vector.apply(v)); // v as b, start in v
    Value d3 = Value.dot(k, vector.apply(v), vector.apply(v)); // v twice
    List<Value> layer = Value.vector(List.of(d1.tanh(), d2, d3.sigmoid(), h, d1));
    Value e1 = Value.dot(d2, vector.apply(layer), vector.apply(v)); // a vector of dot nodes
    Value e2 = Value.dot(x.get(0), vector.apply(v), vector.apply(layer));
    Value f = Value.dot(e1.tanh(), vector.apply(layer), vector.apply(layer));
    Value out = f.tanh().add(e2.sigmoid()).add(h).add(d3.mul(k));
    return new Net(x, List.of(h, k, d1, d2, d3, e1, e2, f), out);
  }

  @Test
  void oneVectorInEveryPlaceGivesTheGradsOfPlainListsBitForBit() {
    double[] point = {0.3, -0.8, 0.45, 0.9};
    Net copied = tangle(leaves(point), ArrayList::new);
    copied.output().backward();
    Net shared = tangle(leaves(point), v -> v);
    shared.output().backward();
    assertEquals(copied.output().data(), shared.output().data());
    assertArrayEquals(bits(copied.all()), bits(shared.all()));
    for (int pass = 0; pass < 3; pass++) { // passes after the first reach every vector again
      shared.output().backward();
      assertArrayEquals(bits(copied.all()), bits(shared.all()), "pass " + pass);
    }
    GradCheck.Report report = GradCheck.check(shared.output(), shared.leaves());
    assertTrue(report.passes(1e-7), report.toString());
    // Grads are those of the pass before GradCheck's own backward (which it runs).
    assertArrayEquals(bits(copied.all()), bits(shared.all()), "after GradCheck");
  }

  @Test
  void gradCheckOfTheTangleAsAFunctionPasses() {
    GradCheck.Report report =
        GradCheck.check(x -> tangle(x, Value::vector).output(), 0.3, -0.8, 0.45, 0.9);
    assertTrue(report.passes(1e-7), report.toString());
  }

  @Test
  void derivativesAsValuesOverSharedVectorsEqualTheBackwardGrads() {
    Net shared = tangle(leaves(0.3, -0.8, 0.45, 0.9), v -> v);
    shared.output().backward();
    List<Value> gradient = Gradients.of(shared.output(), shared.leaves());
    for (int i = 0; i < gradient.size(); i++) {
      double want = shared.leaves().get(i).grad();
      assertEquals(want, gradient.get(i).data(), 1e-12 * Math.max(1.0, Math.abs(want)), "x" + i);
    }
    // Differentiating a derivative built over the shared vectors: a fresh graph, a fresh pass.
    gradient.get(0).backward();
    double[][] hessian = Gradients.hessian(shared.output(), shared.leaves());
    for (int j = 0; j < hessian.length; j++) {
      assertEquals(hessian[0][j], shared.leaves().get(j).grad(),
          1e-12 * Math.max(1.0, Math.abs(hessian[0][j])), "H[0][" + j + "]");
    }
  }

  @Test
  void twoGraphsSharingAWeightVectorDifferentiatedInTurnEachGetTheirOwnGrads() {
    List<Value> w = Value.vector(leaves(0.5, -1.25, 2.0));
    Value b = Value.of(0.1, "b");
    List<Value> x1 = Value.vector(leaves(1.0, 2.0, 3.0));
    List<Value> x2 = Value.vector(leaves(-0.5, 0.25, 4.0));
    Value g1 = Value.dot(b, w, x1).tanh();
    Value g2 = Value.dot(b, x2, w).mul(Value.dot(b, w, w)); // w in place b, and in both
    List<Value> plainW = new ArrayList<>(w);
    for (int round = 0; round < 3; round++) {
      g1.backward();
      double[] want1 = grads(w);
      Value p1 = Value.dot(b, plainW, new ArrayList<>(x1)).tanh();
      p1.backward();
      assertArrayEquals(want1, grads(w), "graph 1 over plain lists, round " + round);
      g1.backward();
      for (int i = 0; i < 3; i++) {
        assertEquals(1.0 - g1.data() * g1.data(), x1.get(i).grad() / w.get(i).data(), 1e-12);
      }
      g2.backward();
      double[] want2 = grads(w);
      Value p2 = Value.dot(b, new ArrayList<>(x2), plainW).mul(Value.dot(b, plainW, plainW));
      p2.backward();
      assertArrayEquals(want2, grads(w), "graph 2 over plain lists, round " + round);
      g2.backward();
      assertArrayEquals(want2, grads(w), "graph 2 again, round " + round);
    }
  }

  @Test
  void aVectorHoldingOneValueSeveralTimesSendsItEveryContribution() {
    Value x = Value.of(0.75, "x");
    Value y = Value.of(-1.5, "y");
    List<Value> v = Value.vector(List.of(x, x, y, x));
    List<Value> u = Value.vector(List.of(y, x, x, y));
    Value out = Value.dot(x, v, u).add(Value.dot(y, u, v)); // 2 (x + 2xy + x^2) + x + y
    out.backward();
    // d/dx = 2 (2y + 2x + 2y... ) computed by hand: each term x*y, x*x, y*x, x*y twice over.
    // f = x + y + 2 * (x*y + x*x + y*x + x*y) = x + y + 2 (3xy + x^2)
    assertEquals(1.0 + 2 * (3 * y.data() + 2 * x.data()), x.grad(), 1e-15);
    assertEquals(1.0 + 2 * (3 * x.data()), y.grad(), 1e-15);
    Value plain = Value.dot(x, new ArrayList<>(v), new ArrayList<>(u))
        .add(Value.dot(y, new ArrayList<>(u), new ArrayList<>(v)));
    double gx = x.grad();
    double gy = y.grad();
    plain.backward();
    assertEquals(Double.doubleToLongBits(gx), Double.doubleToLongBits(x.grad()));
    assertEquals(Double.doubleToLongBits(gy), Double.doubleToLongBits(y.grad()));
  }

  @Test
  void aPassFromAVectorsInteriorElementThenFromTheOutputStartsClean() {
    double[] point = {0.3, -0.8, 0.45, 0.9};
    Net copied = tangle(leaves(point), ArrayList::new);
    Net shared = tangle(leaves(point), v -> v);
    for (int i = 0; i < shared.inner().size(); i++) {
      shared.inner().get(i).backward();
      copied.inner().get(i).backward();
      assertArrayEquals(bits(copied.all()), bits(shared.all()), "pass from inner node " + i);
      shared.output().backward();
      copied.output().backward();
      assertArrayEquals(bits(copied.all()), bits(shared.all()), "output after inner node " + i);
    }
  }

  /**
   * A pass that reaches a shared vector in a fresh dot node, adds into its elements' grads, then
   * meets a stale dot node over the same vector and throws. A later pass over a graph rebuilt
   * from the same vector must reach its elements again (zero their grads first), not take them as
   * reached by the failed pass.
   */
  @Test
  void aPassThatFailsAfterReachingASharedVectorLeavesNoTraceInTheNextPass() {
    Value h0 = Value.of(0.4, "h0");
    Value changed = Value.of(0.6, "changed");
    List<Value> inner = new ArrayList<>(leaves(0.2, -0.7, 1.1));
    Value t = inner.get(0).mul(inner.get(1)).tanh(); // an interior element
    inner.add(t);
    List<Value> v = Value.vector(inner);
    List<Value> x = Value.vector(List.of(changed, h0, t, changed));
    Value stale = Value.dot(h0, v, x); // read changed before its change
    changed.setData(-0.3);
    // Fresh nodes of higher level, visited before the stale one: they reach v first.
    Value deep = Value.dot(stale.tanh().tanh().tanh(), v, v).tanh();
    Value fresh = Value.dot(changed, x, v);
    Value out = deep.add(fresh);
    IllegalStateException e = assertThrows(IllegalStateException.class, out::backward);
    assertTrue(e.getMessage().contains("\"changed\""), e.getMessage());
    for (Value n : List.of(h0, changed, t, stale, deep, fresh, out)) {
      assertFalse(n.visited, "no node left flagged");
    }
    for (Value n : inner) {
      assertFalse(n.visited, "no node left flagged");
    }
    // The failed pass left grads in v's elements. Rebuild the stale part; same vectors.
    Value again = Value.dot(h0, v, x);
    Value out2 = Value.dot(again.tanh().tanh().tanh(), v, v).tanh().add(Value.dot(changed, x, v));
    out2.backward();
    List<Value> all = new ArrayList<>(inner);
    all.add(h0);
    all.add(changed);
    long[] got = bits(all);
    // The same graph over plain lists, on leaves that never held other grads.
    for (Value n : all) {
      n.setGrad(-99.0);
    }
    Value plainAgain = Value.dot(h0, new ArrayList<>(v), new ArrayList<>(x));
    Value plainOut = Value.dot(plainAgain.tanh().tanh().tanh(), new ArrayList<>(v),
        new ArrayList<>(v)).tanh().add(Value.dot(changed, new ArrayList<>(x), new ArrayList<>(v)));
    plainOut.backward();
    assertArrayEquals(bits(all), got);
    assertEquals(Double.doubleToLongBits(plainOut.data()), Double.doubleToLongBits(out2.data()));
  }

  @Test
  void anAnomalyInOnePassThenPassesWithoutDetectionReachEveryVector() {
    Value big = Value.of(1e300, "big");
    Value s = Value.of(0.5, "s");
    List<Value> v = Value.vector(List.of(big, s));
    List<Value> u = Value.vector(List.of(s, big));
    Value f = Value.dot(s, v, u).mul(Value.of(1e10)); // grads overflow: 1e300 * 1e10
    try (AnomalyDetection.Scope on = AnomalyDetection.on()) {
      assertThrows(AnomalyException.class, f::backward);
    }
    assertFalse(big.visited || s.visited || f.visited);
    f.backward(); // detection off: the fused pass
    double gs = s.grad();
    double gbig = big.grad();
    Value plain = Value.dot(s, new ArrayList<>(v), new ArrayList<>(u)).mul(Value.of(1e10));
    plain.backward();
    assertEquals(Double.doubleToLongBits(s.grad()), Double.doubleToLongBits(gs));
    assertEquals(Double.doubleToLongBits(big.grad()), Double.doubleToLongBits(gbig));
    assertEquals(Double.POSITIVE_INFINITY, gs);
  }

  @Test
  void manyPassesOverSharedVectorsKeepGivingTheFirstPassesGrads() {
    double[] point = {0.3, -0.8, 0.45, 0.9};
    Net shared = tangle(leaves(point), v -> v);
    shared.output().backward();
    long[] first = bits(shared.all());
    Value inner = shared.inner().get(4);
    for (int pass = 1; pass <= 60_000; pass++) {
      if (pass % 3 == 0) {
        inner.backward(); // a pass over part of the graph in between
      }
      shared.output().backward();
      if (pass % 5_000 == 0) {
        assertArrayEquals(first, bits(shared.all()), "pass " + pass);
      }
    }
  }

  @Test
  void setDataOnAnElementOfASharedVectorMakesEveryDotBuiltBeforeStale() {
    for (int place = 0; place < 3; place++) {
      for (boolean bulk : new boolean[] {false, true}) {
        List<Value> x = leaves(0.5, -0.25, 1.5);
        Value start = Value.of(0.125, "start");
        List<Value> v = Value.vector(x);
        List<Value> w = Value.vector(List.of(Value.of(1.0, "w0"), Value.of(2.0, "w1"),
            Value.of(3.0, "w2")));
        Value dotA = Value.dot(start, v, w);
        Value dotB = Value.dot(start, w, v);
        Value dotBoth = Value.dot(start, v, v);
        Value built = List.of(dotA, dotB, dotBoth).get(place);
        Value later = built.tanh(); // an op node on top, built before the change too
        if (bulk) {
          Value.setData(new Value[] {w.get(0), x.get(1)}, new double[] {1.0, -0.5});
        } else {
          x.get(1).setData(-0.5);
        }
        String what = "place " + place + (bulk ? ", bulk" : ", single");
        assertThrows(IllegalStateException.class, later::backward, what);
        assertThrows(IllegalStateException.class, built::backward, what);
        // A dot built now over the same vectors is fresh, alone and on top of another fresh one.
        Value now = Value.dot(start, v, w).add(Value.dot(start, w, v)).add(Value.dot(start, v, v));
        now.backward();
        double want = w.get(1).data() + w.get(1).data() + 2 * x.get(1).data();
        assertEquals(want, x.get(1).grad(), 1e-15, what);
        // The fresh node over the stale one still throws, naming the changed leaf.
        Value mixed = now.add(built);
        IllegalStateException e = assertThrows(IllegalStateException.class, mixed::backward, what);
        assertTrue(e.getMessage().contains(bulk && place < 2 ? "\"w0\"" : "\"x1\""), e.getMessage());
        // An unrelated leaf changed since: the fresh graph is checked again, and still fresh.
        Value.of(0.0).setData(1.0);
        now.backward();
        assertEquals(want, x.get(1).grad(), 1e-15, what);
      }
    }
  }

  @Test
  void anInteriorElementBuiltBeforeTheChangeMakesAFreshDotOverItStale() {
    Value x = Value.of(0.5, "x");
    Value y = Value.of(-0.5, "y");
    Value h = x.mul(y).tanh(); // read x before its change
    x.setData(0.75);
    List<Value> v = Value.vector(List.of(x, h, y)); // x at its new version
    Value d = Value.dot(y, v, v); // d's version is the newest: its own check may be skipped
    IllegalStateException e = assertThrows(IllegalStateException.class, d::backward);
    assertTrue(e.getMessage().contains("\"x\""), e.getMessage());
    assertFalse(x.visited || y.visited || h.visited || d.visited);
    Value d2 = Value.dot(y, Value.vector(List.of(x, x.mul(y).tanh(), y)), v.subList(0, 3));
    assertThrows(IllegalStateException.class, d2::backward, "v still holds the stale h");
    Value h2 = x.mul(y).tanh();
    Value d3 = Value.dot(y, Value.vector(List.of(x, h2, y)), Value.vector(List.of(x, h2, y)));
    d3.backward();
    assertTrue(Double.isFinite(x.grad()));
  }

  @Test
  void vectorsGivenToDotAsSubListsAndViewsAreCopiedAsTheyAreThen() {
    List<Value> source = new ArrayList<>(leaves(1.0, 2.0, 3.0));
    List<Value> v = Value.vector(source);
    Value s = Value.of(0.0);
    Value d = Value.dot(s, v.subList(1, 3), Arrays.asList(v.get(0), v.get(0)));
    source.clear();
    assertEquals(5.0, d.data());
    d.backward();
    assertEquals(5.0, v.get(0).grad());
    assertEquals(List.of(s, v.get(1), v.get(0), v.get(2), v.get(0)), d.children());
  }

  private static double[] grads(List<Value> values) {
    double[] g = new double[values.size()];
    for (int i = 0; i < g.length; i++) {
      g[i] = values.get(i).grad();
    }
    return g;
  }
}
