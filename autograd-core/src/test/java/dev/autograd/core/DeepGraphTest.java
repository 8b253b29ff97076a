package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeepGraphTest {
  private static final int MILLION = 1_000_000;

  @Test
  void millionDeepChainGoesForwardAndBackwardWithoutStackOverflow() {
    Value x = Value.of(1.0);
    Value y = x;
    for (int i = 0; i < MILLION; i++) {
      y = y.add(x);
    }
    y.backward();
    assertEquals(MILLION + 1.0, y.data());
    assertEquals(MILLION + 1.0, x.grad());
  }

  @Test
  void millionDeepChainOfUnaryOpsBackpropagatesTheProductOfSlopes() {
    Value x = Value.of(0.5);
    Value y = x;
    for (int i = 0; i < MILLION; i++) {
      y = y.neg();
    }
    y.backward();
    assertEquals(0.5, y.data());
    assertEquals(1.0, x.grad());
  }

  @Test
  void millionDeepChainCompilesAndReplays() {
    Value x = Value.of(1.0);
    Value y = x;
    for (int i = 0; i < MILLION; i++) {
      y = y.mul(1.0);
    }
    CompiledGraph graph = CompiledGraph.compile(y);
    x.setData(2.0);
    assertEquals(2.0, graph.forwardBackward());
    assertEquals(1.0, x.grad());
  }

  @Test
  void millionWideSumOfProductsBackpropagates() {
    List<Value> products = new ArrayList<>(MILLION);
    Value w = Value.of(3.0);
    for (int i = 0; i < MILLION; i++) {
      products.add(Value.of(1.0).mul(w));
    }
    Value total = Value.sum(products);
    total.backward();
    assertEquals(3.0 * MILLION, total.data());
    assertEquals(MILLION, w.grad());
  }
}
