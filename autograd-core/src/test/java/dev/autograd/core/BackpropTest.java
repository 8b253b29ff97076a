package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BackpropTest {

  @Test
  void inputReusedAtEveryLevelReceivesEveryContribution() {
    // y_k = y_(k-1) * w + x with y_0 = x: x feeds nodes at levels 1..n, so the sweep must hold
    // each y until all its consumers are done. dy/dx = 1 + w + ... + w^n, dy/dw = sum k w^(k-1) y.
    Value x = Value.of(0.5);
    Value w = Value.of(0.9);
    int n = 50;
    Value y = build(x, w, n);
    y.backward();
    double dx = 0.0;
    for (int k = 0; k <= n; k++) {
      dx += Math.pow(0.9, k);
    }
    assertEquals(dx, x.grad(), 1e-12);
    double h = 1e-6;
    w.setData(0.9 + h);
    double up = build(x, w, n).data();
    w.setData(0.9 - h);
    double down = build(x, w, n).data();
    assertEquals((up - down) / (2 * h), w.grad(), 1e-6);
  }

  private static Value build(Value x, Value w, int n) {
    Value y = x;
    for (int k = 0; k < n; k++) {
      y = y.mul(w).add(x);
    }
    return y;
  }

  @Test
  void branchesOfVeryDifferentDepthJoinCorrectly() {
    Value a = Value.of(1.5);
    Value deep = a;
    for (int i = 0; i < 1000; i++) {
      deep = deep.mul(1.0);
    }
    Value f = deep.mul(a).add(a.mul(3.0)).add(deep);
    f.backward();
    assertEquals(2 * 1.5 + 3.0 + 1.0, a.grad(), 1e-12);
    CompiledGraph compiled = CompiledGraph.compile(f);
    a.zeroGrad();
    compiled.forwardBackward();
    assertEquals(2 * 1.5 + 3.0 + 1.0, a.grad());
  }

  @Test
  void secondBackwardFromAnotherRootOverSharedNodesStartsClean() {
    Value a = Value.of(2.0);
    Value shared = a.mul(a);
    Value first = shared.add(1.0);
    Value second = shared.mul(shared);
    first.backward();
    assertEquals(4.0, a.grad());
    second.backward();
    assertEquals(4 * 8.0, a.grad());
    first.backward();
    assertEquals(4.0, a.grad());
  }

  @Test
  void backwardOfALeafSetsItsGradToOne() {
    Value a = Value.of(2.0);
    a.setGrad(5.0);
    a.backward();
    assertEquals(1.0, a.grad());
  }
}
