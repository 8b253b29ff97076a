package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParametersTest {
  @Test
  void aNodeListedTwiceIsOneParameterKeptAtItsFirstPosition() {
    Value w = Value.of(1.0, "w");
    Value b = Value.of(2.0, "b");
    Value u = Value.of(3.0, "u");
    List<Value> distinct = Parameters.distinct(List.of(w, b, w, u, b), "params");
    assertEquals(3, distinct.size());
    assertSame(w, distinct.get(0));
    assertSame(b, distinct.get(1));
    assertSame(u, distinct.get(2));
  }

  @Test
  void equalDataIsNotIdentity() {
    Value a = Value.of(1.0);
    Value b = Value.of(1.0);
    assertEquals(2, Parameters.distinct(List.of(a, b), "params").size());
  }

  @Test
  void theResultIsAnUnmodifiableCopy() {
    Value a = Value.of(1.0);
    List<Value> given = new ArrayList<>(List.of(a));
    List<Value> distinct = Parameters.distinct(given, "params");
    given.add(Value.of(2.0));
    assertEquals(List.of(a), distinct);
    assertThrows(UnsupportedOperationException.class, () -> distinct.add(a));
    assertEquals(List.of(), Parameters.distinct(List.of(), "params"));
  }

  @Test
  void zeroGradClearsEveryGradOnceEvenWhenTied() {
    Value w = Value.of(1.0);
    Value b = Value.of(2.0);
    w.setGrad(5.0);
    b.setGrad(-3.0);
    Parameters.zeroGrad(List.of(w, b, w));
    assertEquals(0.0, w.grad());
    assertEquals(0.0, b.grad());
  }

  @Test
  void zeroGradWithANullElementClearsNothing() {
    Value w = Value.of(1.0);
    w.setGrad(5.0);
    List<Value> withNull = new ArrayList<>();
    withNull.add(w);
    withNull.add(null);
    assertThrows(NullPointerException.class, () -> Parameters.zeroGrad(withNull));
    assertEquals(5.0, w.grad());
  }
}
