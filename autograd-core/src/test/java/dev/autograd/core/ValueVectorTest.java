package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link Value#vector}: an unmodifiable snapshot that {@link Value#dot} keeps without copying, so
 * that dot nodes share it; the numbers are those of dot nodes over lists of their own.
 */
class ValueVectorTest {
  @Test
  void vectorIsAnUnmodifiableSnapshotOfItsValues() {
    Value x = Value.of(1.0);
    Value y = Value.of(2.0);
    List<Value> source = new ArrayList<>(List.of(x, y));
    List<Value> v = Value.vector(source);
    source.set(0, y);
    assertEquals(List.of(x, y), v);
    assertThrows(UnsupportedOperationException.class, () -> v.set(0, y));
    assertThrows(UnsupportedOperationException.class, () -> v.add(x));
    assertThrows(IndexOutOfBoundsException.class, () -> v.get(2));
    assertSame(v, Value.vector(v), "a vector is returned as it is");
    assertEquals(List.of(), Value.vector(List.of()));
  }

  @Test
  void vectorRejectsANullElementNamingItsIndex() {
    Value x = Value.of(1.0);
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> Value.vector(Arrays.asList(x, null)));
    assertEquals("values[1] is null", e.getMessage());
    assertThrows(NullPointerException.class, () -> Value.vector(null));
  }

  /**
   * A two-layer net of dot nodes with repeated inputs (a hidden unit given twice, a weight that is
   * also an input), its vectors made by {@code vector}; returns the loss.
   */
  private static Value net(List<Value> x, List<List<Value>> w1, List<List<Value>> w2,
      Function<List<Value>, List<Value>> vector) {
    List<Value> in = vector.apply(x);
    List<Value> hidden = new ArrayList<>();
    for (List<Value> row : w1) {
      hidden.add(Value.dot(row.get(0), vector.apply(row), in).relu());
    }
    hidden.add(hidden.get(0)); // given twice
    List<Value> h = vector.apply(hidden);
    Value loss = Value.of(0.0);
    for (List<Value> row : w2) {
      loss = loss.add(Value.dot(x.get(0), vector.apply(row), h).tanh());
    }
    return loss;
  }

  @Test
  void dotNodesSharingVectorsHaveTheGradsOfDotNodesOverCopiesBitForBit() {
    Random random = new Random(7);
    List<Value> x = leaves(random, 3);
    List<List<Value>> w1 = new ArrayList<>();
    for (int j = 0; j < 4; j++) {
      w1.add(leaves(random, 3));
    }
    w1.get(1).set(2, x.get(1)); // a weight that is also an input
    List<List<Value>> w2 = new ArrayList<>();
    for (int j = 0; j < 3; j++) {
      w2.add(leaves(random, 5));
    }
    List<Value> all = new ArrayList<>(x);
    w1.forEach(all::addAll);
    w2.forEach(all::addAll);

    Value shared = net(x, w1, w2, Value::vector);
    shared.backward();
    double[] sharedGrads = grads(all);
    Value copied = net(x, w1, w2, ArrayList::new);
    copied.backward();
    assertEquals(Double.doubleToLongBits(copied.data()), Double.doubleToLongBits(shared.data()));
    assertArrayEquals(grads(all), sharedGrads);

    CompiledGraph compiled = CompiledGraph.compile(shared);
    compiled.forwardBackward();
    assertArrayEquals(sharedGrads, grads(all), "replay equals eager bit for bit");
  }

  @Test
  void aVectorGivenAsBothFactorsSendsEachElementBothContributions() {
    Value x = Value.of(1.5);
    Value y = Value.of(-2.0);
    Value s = Value.of(0.25);
    List<Value> v = Value.vector(List.of(x, y, x));
    Value dot = Value.dot(s, v, v);
    dot.backward();
    Value overLists = Value.dot(s, List.of(x, y, x), List.of(x, y, x));
    assertEquals(dot.data(), overLists.data());
    // d/dx of x*x + y*y + x*x is 4x, d/dy is 2y: exact here.
    assertEquals(6.0, x.grad());
    assertEquals(-4.0, y.grad());
    assertEquals(1.0, s.grad());
  }

  private static List<Value> leaves(Random random, int n) {
    List<Value> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Value.of(random.nextGaussian()));
    }
    return out;
  }

  private static double[] grads(List<Value> values) {
    double[] g = new double[values.size()];
    for (int i = 0; i < g.length; i++) {
      g[i] = values.get(i).grad();
    }
    return g;
  }
}
