package dev.autograd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NaiveValueTest {

  @Test
  void theReferenceProgramsDemoOneGivesFifteenWithGradsFiveAndEight() {
    NaiveValue x = new NaiveValue(-2.0);
    NaiveValue y = new NaiveValue(5.0);
    NaiveValue f = x.add(y).mul(y);
    f.backward();
    assertEquals(15.0, f.data);
    assertEquals(5.0, x.grad);
    assertEquals(8.0, y.grad);
  }

  @Test
  void subtractionIsAdditionOfTheNegationAsInTheReferenceProgram() {
    NaiveValue a = new NaiveValue(3.0);
    NaiveValue b = new NaiveValue(1.0);
    NaiveValue d = a.sub(b).pow(2);
    d.backward();
    assertEquals("**", d.op());
    assertEquals(4.0, d.data);
    assertEquals(4.0, a.grad);
    assertEquals(-4.0, b.grad);
  }

  @Test
  void nodeUsedTwiceReceivesBothContributions() {
    NaiveValue a = new NaiveValue(3.0);
    NaiveValue s = NaiveValue.sum(List.of(a, a));
    s.backward();
    assertEquals(2.0, a.grad);
  }

  @Test
  void recursiveSortOverflowsTheStackOnAMillionDeepChain() {
    NaiveValue x = new NaiveValue(0.5);
    NaiveValue w = new NaiveValue(1.0);
    NaiveValue y = x;
    for (int i = 0; i < 1_000_000; i++) {
      y = y.mul(w);
    }
    NaiveValue chain = y;
    assertThrows(StackOverflowError.class, chain::backward);
  }
}
