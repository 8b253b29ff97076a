package dev.autograd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VectorsTest {
  @Test
  void dotSumsTheProductsAndSendsEachSideTheOtherAsGradient() {
    Value a0 = Value.of(2.0);
    Value a1 = Value.of(-3.0);
    Value b0 = Value.of(0.5);
    Value b1 = Value.of(4.0);
    Value d = Vectors.dot(List.of(a0, a1), List.of(b0, b1));
    assertEquals(-11.0, d.data());
    d.backward();
    assertEquals(0.5, a0.grad());
    assertEquals(4.0, a1.grad());
    assertEquals(2.0, b0.grad());
    assertEquals(-3.0, b1.grad());
  }

  @Test
  void dotIsOneFusedNodeOverTheSeedsLeadingZero() {
    // The reference program: sum([a0*b0, a1*b1], Value(0.0)) == ((0 + a0*b0) + a1*b1), here in one node.
    Value a0 = Value.of(0.1);
    Value a1 = Value.of(0.2);
    Value b0 = Value.of(0.3);
    Value b1 = Value.of(0.7);
    Value d = Vectors.dot(List.of(a0, a1), List.of(b0, b1));
    assertEquals("dot", d.op());
    Value zero = d.children().get(0);
    assertEquals(true, zero.isLeaf());
    assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(zero.data()));
    assertEquals(List.of(zero, a0, b0, a1, b1), d.children());
    assertEquals((0.0 + 0.1 * 0.3) + 0.2 * 0.7, d.data(), 0.0);
  }

  @Test
  void dotHasTheSeedsValueAndGradientsBitForBit() {
    double[][] cases = {{-0.0, 0.0, 2.5, 4.0}, {0.0, -3.0, 1e-300, 1e-300}, {-1.5, 0.0, 0.0, 7.0},
        {Double.NaN, 1.0, 2.0, 3.0}, {Double.POSITIVE_INFINITY, 2.0, -1.0, 0.0}};
    for (double[] c : cases) {
      List<Value> a = List.of(Value.of(c[0]), Value.of(c[2]));
      List<Value> b = List.of(Value.of(c[1]), Value.of(c[3]));
      Value d = Vectors.dot(a, b);
      Value seed = Value.of(0.0).add(a.get(0).mul(b.get(0))).add(a.get(1).mul(b.get(1)));
      assertEquals(seed.data(), d.data(), 0.0);
      assertEquals(Double.doubleToLongBits(seed.data()), Double.doubleToLongBits(d.data()));
      d.backward();
      double[] grads = {a.get(0).grad(), a.get(1).grad(), b.get(0).grad(), b.get(1).grad()};
      seed.backward();
      assertEquals(a.get(0).grad(), grads[0], 0.0);
      assertEquals(a.get(1).grad(), grads[1], 0.0);
      assertEquals(b.get(0).grad(), grads[2], 0.0);
      assertEquals(b.get(1).grad(), grads[3], 0.0);
    }
    // Every product -0.0 sums to 0.0, as from the reference program's leading 0 (0.0 + -0.0 = 0.0).
    assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(
        Vectors.dot(List.of(Value.of(-0.0)), List.of(Value.of(1.0))).data()));
  }

  @Test
  void dotOfEmptyVectorsIsZero() {
    assertEquals(0.0, Vectors.dot(List.of(), List.of()).data());
  }

  @Test
  void dotOfUnequalLengthsNamesBothLengths() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Vectors.dot(
                    List.of(Value.of(1), Value.of(2), Value.of(3)), List.of(Value.of(1))));
    assertEquals("dot needs vectors of equal length, got 3 and 1", e.getMessage());
  }

  @Test
  void dotRejectsNullsNamingThem() {
    assertEquals("a", assertThrows(NullPointerException.class,
        () -> Vectors.dot(null, List.of())).getMessage());
    assertEquals("b[1] is null", assertThrows(NullPointerException.class,
        () -> Vectors.dot(List.of(Value.of(1), Value.of(2)), Arrays.asList(Value.of(1), null)))
        .getMessage());
  }

  @Test
  void withBiasAppendsAConstantOneToANewList() {
    Value x0 = Value.of(3.0);
    Value x1 = Value.of(-1.0);
    List<Value> x = new ArrayList<>(List.of(x0, x1));
    List<Value> biased = Vectors.withBias(x);
    assertNotSame(x, biased);
    assertEquals(3, biased.size());
    assertSame(x0, biased.get(0));
    assertSame(x1, biased.get(1));
    assertEquals(1.0, biased.get(2).data());
    assertEquals(true, biased.get(2).isLeaf());
    assertEquals(List.of(x0, x1), x);
    assertThrows(UnsupportedOperationException.class, () -> biased.add(x0));
  }

  @Test
  void withBiasTurnsADotWithWeightsAndBiasIntoAnAffineMap() {
    Value w = Value.of(2.0);
    Value b = Value.of(10.0);
    Value y = Vectors.dot(Vectors.withBias(List.of(Value.of(1.5))), List.of(w, b));
    assertEquals(13.0, y.data());
  }

  @Test
  void withBiasRejectsNullsNamingThem() {
    assertEquals("x", assertThrows(NullPointerException.class,
        () -> Vectors.withBias(null)).getMessage());
    assertEquals("x[0] is null", assertThrows(NullPointerException.class,
        () -> Vectors.withBias(Arrays.asList((Value) null))).getMessage());
  }
}
