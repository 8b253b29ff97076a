package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Long chains of dot nodes that all read the same vectors, so that one backward pass meets a
 * shared vector 100,000 times: reached once, skipped every other time. The grads are exact
 * here (sums of equal dyadic contributions), and equal those of the chain over plain lists.
 */
class SharedVectorDeepTest {
  private static final int LENGTH = 100_000;

  @Test
  void aChainOfDotNodesOverTheSameTwoVectorsSendsEveryContribution() {
    List<Value> w = Value.vector(List.of(Value.of(0.5, "w0"), Value.of(-0.25, "w1")));
    List<Value> x = Value.vector(List.of(Value.of(2.0, "x0"), Value.of(4.0, "x1")));
    Value s = Value.of(1.0, "s");
    Value d = s;
    for (int k = 0; k < LENGTH; k++) {
      d = Value.dot(d, k % 2 == 0 ? w : x, k % 2 == 0 ? x : w); // each vector in both places
    }
    for (int pass = 0; pass < 2; pass++) {
      d.backward();
      // d = s + LENGTH * (w . x): each product's grad 1 per dot node.
      assertEquals(1.0, s.grad());
      assertEquals(LENGTH * 2.0, w.get(0).grad());
      assertEquals(LENGTH * 4.0, w.get(1).grad());
      assertEquals(LENGTH * 0.5, x.get(0).grad());
      assertEquals(LENGTH * -0.25, x.get(1).grad());
    }
  }

  @Test
  void aChainThroughOneElementVectorsOfThePreviousNodeEqualsThePlainChain() {
    double[] shared = chain(true);
    double[] plain = chain(false);
    for (int i = 0; i < shared.length; i++) {
      assertEquals(Double.doubleToLongBits(plain[i]), Double.doubleToLongBits(shared[i]),
          "entry " + i);
    }
  }

  /** {@code d_(k+1) = b + w * d_k + w * x}, {@code w} one vector read by every node. */
  private static double[] chain(boolean vectors) {
    Value w = Value.of(0.875, "w");
    Value x = Value.of(0.5, "x");
    Value b = Value.of(-0.0625, "b");
    List<Value> ws = Value.vector(List.of(w, w));
    Value d = Value.of(1.0, "d0");
    Value first = d;
    for (int k = 0; k < LENGTH; k++) {
      List<Value> in = List.of(d, x);
      d = vectors ? Value.dot(b, ws, Value.vector(in))
          : Value.dot(b, new ArrayList<>(ws), new ArrayList<>(in));
    }
    d.backward();
    return new double[] {d.data(), w.grad(), x.grad(), b.grad(), first.grad()};
  }
}
