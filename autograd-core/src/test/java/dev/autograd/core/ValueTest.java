package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValueTest {
  private static final double TOL = 1e-12;

  @Test
  void seedDemoOneGivesFifteenWithGradientsFiveAndEight() {
    Value x = Value.of(-2.0, "x");
    Value y = Value.of(5.0, "y");
    Value f = x.add(y).mul(y);
    f.backward();
    assertEquals(15.0, f.data());
    assertEquals(5.0, x.grad());
    assertEquals(8.0, y.grad());
    assertEquals(1.0, f.grad());
  }

  @Test
  void backwardOfALeafGivesItGradOneAndLeavesItReadyForOtherGraphs() {
    Value x = Value.of(2.0, "x");
    x.backward();
    assertEquals(1.0, x.grad());
    Value f = x.mul(3.0);
    f.backward();
    assertEquals(3.0, x.grad(), "the leaf was reached, so its grad was reset");
    x.backwardAccumulate();
    assertEquals(4.0, x.grad());
  }

  @Test
  void reusedNodeReceivesEveryContribution() {
    Value a = Value.of(1.0);
    Value b = a.add(a);
    Value c = b.add(b);
    c.backward();
    assertEquals(4.0, a.grad());
    assertEquals(2.0, b.grad());
  }

  @Test
  void backwardIsIdempotent() {
    Value x = Value.of(0.7);
    Value y = Value.of(-1.3);
    Value f = x.mul(y).add(x.tanh()).mul(x);
    f.backward();
    double gx = x.grad();
    double gy = y.grad();
    f.backward();
    assertEquals(gx, x.grad());
    assertEquals(gy, y.grad());
  }

  @Test
  void backwardResetsStaleGradsOfReachableNodesOnly() {
    Value x = Value.of(3.0);
    Value unrelated = Value.of(1.0);
    unrelated.add(Value.of(2.0)).backward();
    x.add(unrelated).backward(); // unrelated is reachable here
    Value lonely = Value.of(5.0);
    lonely.mul(2.0).backward();
    Value f = x.mul(x);
    f.backward();
    assertEquals(6.0, x.grad());
    assertEquals(2.0, lonely.grad(), "a node outside the graph keeps its grad");
  }

  @Test
  void backwardAccumulateSumsGradientsOfSeveralOutputs() {
    Value x = Value.of(2.0);
    Value shared = x.mul(x); // d/dx = 4
    Value first = shared.mul(3.0); // d/dx = 12
    Value second = shared.add(x); // d/dx = 5
    first.backwardAccumulate();
    second.backwardAccumulate();
    assertEquals(17.0, x.grad(), TOL);
    assertEquals(4.0, shared.grad(), TOL, "the shared interior node accumulates too");
  }

  @Test
  void backwardAccumulateInEitherOrderAgrees() {
    Value x = Value.of(2.0);
    Value shared = x.mul(x);
    Value first = shared.mul(3.0);
    Value second = shared.add(x);
    second.backwardAccumulate();
    first.backwardAccumulate();
    assertEquals(17.0, x.grad(), TOL);
  }

  @Test
  void backwardAfterAccumulateStartsFresh() {
    Value x = Value.of(2.0);
    Value f = x.mul(x);
    f.backwardAccumulate();
    f.backwardAccumulate();
    assertEquals(8.0, x.grad());
    f.backward();
    assertEquals(4.0, x.grad());
  }

  @Test
  void addSendsUpstreamToBothInputs() {
    assertLocal(Value.of(2).add(Value.of(3)), 5, 1, 1);
  }

  @Test
  void subSendsUpstreamAndItsNegation() {
    assertLocal(Value.of(2).sub(Value.of(3)), -1, 1, -1);
  }

  @Test
  void mulSendsEachInputTheOtherInputTimesUpstream() {
    assertLocal(Value.of(2).mul(Value.of(3)), 6, 3, 2);
  }

  @Test
  void divSendsOneOverDenominatorAndMinusQuotientOverDenominator() {
    assertLocal(Value.of(3).div(Value.of(2)), 1.5, 0.5, -3.0 / 4);
  }

  @Test
  void negSendsMinusUpstream() {
    Value a = Value.of(2);
    Value out = a.neg();
    out.backward();
    assertEquals(-2, out.data());
    assertEquals(-1, a.grad());
    assertEquals("neg", out.op());
  }

  @Test
  void powWithConstantExponentFollowsThePowerRule() {
    Value a = Value.of(3);
    Value out = a.pow(2);
    out.backward();
    assertEquals(9, out.data());
    assertEquals(6, a.grad());
    assertEquals("**2", out.op());
    assertEquals(List.of(a), out.children());
    assertEquals("**0.5", Value.of(4).pow(0.5).op());
  }

  @Test
  void powWithValueExponentDifferentiatesBothBaseAndExponent() {
    assertLocal(Value.of(2).pow(Value.of(3)), 8, 3 * 4, Math.log(2) * 8);
  }

  @Test
  void powWithValueExponentAtZeroBaseTakesTheLimitZeroForTheExponent() {
    Value base = Value.of(0.0);
    Value exponent = Value.of(2.0);
    base.pow(exponent).backward();
    assertEquals(0.0, exponent.grad());
    assertEquals(0.0, base.grad());
  }

  @Test
  void expSendsItsOwnValue() {
    assertUnary(Value.of(1.5).exp(), Math.exp(1.5), Math.exp(1.5), "exp");
  }

  @Test
  void logSendsOneOverInput() {
    assertUnary(Value.of(4).log(), Math.log(4), 0.25, "log");
  }

  @Test
  void tanhSendsOneMinusSquare() {
    double t = Math.tanh(0.3);
    assertUnary(Value.of(0.3).tanh(), t, 1 - t * t, "tanh");
  }

  @Test
  void reluPassesPositiveAndBlocksNegative() {
    assertUnary(Value.of(2).relu(), 2, 1, "relu");
    assertUnary(Value.of(-2).relu(), 0, 0, "relu");
    assertUnary(Value.of(0).relu(), 0, 0, "relu");
  }

  @Test
  void reluKeepsTheSignOfNegativeZeroLikeTheSeed() {
    // micrograd: 0 if self.data < 0 else self.data, so relu(-0.0) is -0.0
    assertEquals(-0.0, Value.of(-0.0).relu().data());
    assertEquals(0.0, Value.of(-1e-300).relu().data());
  }

  @Test
  void powOpWritesIntegralExponentsWithoutPointZeroBelowOneE15() {
    assertEquals("**-3", Value.of(2).pow(-3).op());
    assertEquals("**999999999999999", Value.of(1).pow(999_999_999_999_999.0).op());
    assertEquals("**1000000000000000.0", Value.of(1).pow(1e15).op());
    assertEquals("**1e+16", Value.of(1).pow(1e16).op());
  }

  @Test
  void sigmoidSendsSTimesOneMinusS() {
    double s = 1 / (1 + Math.exp(-0.4));
    assertUnary(Value.of(0.4).sigmoid(), s, s * (1 - s), "sigmoid");
  }

  @Test
  void doubleOverloadsMakeConstantLeavesLikeTheSeed() {
    Value a = Value.of(2);
    Value out = a.mul(3.0);
    assertEquals(2, out.children().size());
    assertEquals(3.0, out.children().get(1).data());
    assertTrue(out.children().get(1).isLeaf());
    assertEquals(5.0, a.add(3.0).data());
    assertEquals(-1.0, a.sub(3.0).data());
    assertEquals(0.5, a.div(4.0).data());
  }

  @Test
  void sumAddsLeftToRightFromAConstantZero() {
    Value a = Value.of(1);
    Value b = Value.of(2);
    Value s = Value.sum(List.of(a, b));
    assertEquals(3, s.data());
    Value inner = s.children().get(0);
    assertEquals(a, inner.children().get(1));
    assertEquals(0.0, inner.children().get(0).data());
    assertEquals(0.0, Value.sum(List.of()).data());
    s.backward();
    assertEquals(1.0, a.grad());
    assertEquals(1.0, b.grad());
  }

  @Test
  void toStringIsTheSeedRepr() {
    Value f = Value.of(-2.0).add(Value.of(5.0)).mul(Value.of(5.0));
    assertEquals("Value(data=15.0000, grad=0.0000)", f.toString());
    f.backward();
    assertEquals("Value(data=15.0000, grad=1.0000)", f.toString());
  }

  @Test
  void leavesHaveEmptyOpNoChildrenAndTheirLabel() {
    Value x = Value.of(1.0, "x");
    assertEquals("", x.op());
    assertEquals(List.of(), x.children());
    assertEquals("x", x.label());
    assertEquals("", Value.of(1.0).label());
    assertEquals("", x.add(x).label());
  }

  @Test
  void childrenListIsUnmodifiable() {
    Value a = Value.of(1);
    List<Value> children = a.add(a).children();
    assertThrows(UnsupportedOperationException.class, () -> children.add(a));
  }

  @Test
  void equalityIsNodeIdentity() {
    Value a = Value.of(1.0);
    Value b = Value.of(1.0);
    assertNotEquals(a, b);
    assertEquals(a, a);
    assertNotSame(a, b);
    assertSame(Object.class, equalsDeclarer());
  }

  private static Class<?> equalsDeclarer() {
    try {
      return Value.class.getMethod("equals", Object.class).getDeclaringClass();
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void setDataChangesTheLeafButNotNodesBuiltFromIt() {
    Value w = Value.of(1.0);
    Value y = w.mul(2.0);
    w.setData(5.0);
    assertEquals(5.0, w.data());
    assertEquals(2.0, y.data());
  }

  @Test
  void setGradReplacesTheGrad() {
    Value x = Value.of(1.0);
    x.mul(3.0).backward();
    x.setGrad(1.5);
    assertEquals(1.5, x.grad());
  }

  @Test
  void zeroGradClearsTheGrad() {
    Value x = Value.of(1.0);
    x.mul(3.0).backward();
    x.zeroGrad();
    assertEquals(0.0, x.grad());
  }

  @Test
  void nullArgumentsThrowNullPointerExceptionNamingTheParameter() {
    Value a = Value.of(1);
    assertEquals("other", assertThrows(NullPointerException.class, () -> a.add(null)).getMessage());
    assertEquals("other", assertThrows(NullPointerException.class, () -> a.sub(null)).getMessage());
    assertEquals("other", assertThrows(NullPointerException.class, () -> a.mul(null)).getMessage());
    assertEquals("other", assertThrows(NullPointerException.class, () -> a.div(null)).getMessage());
    assertEquals(
        "exponent", assertThrows(NullPointerException.class, () -> a.pow(null)).getMessage());
    assertEquals(
        "label", assertThrows(NullPointerException.class, () -> Value.of(1, null)).getMessage());
    assertEquals(
        "values", assertThrows(NullPointerException.class, () -> Value.sum(null)).getMessage());
    assertEquals(
        "values[1] is null",
        assertThrows(NullPointerException.class, () -> Value.sum(java.util.Arrays.asList(a, null)))
            .getMessage());
  }

  @Test
  void nonFiniteResultsFollowIeeeArithmetic() {
    assertEquals(Double.NEGATIVE_INFINITY, Value.of(0).log().data());
    assertTrue(Double.isNaN(Value.of(-1).log().data()));
    assertTrue(Double.isNaN(Value.of(-8).pow(1.0 / 3).data()));
    assertEquals(-8.0, Value.of(-2).pow(3).data());
    assertEquals(Double.POSITIVE_INFINITY, Value.of(1e308).mul(10.0).data());
    assertEquals(Double.POSITIVE_INFINITY, Value.of(1000).exp().data());
    assertEquals(Double.POSITIVE_INFINITY, Value.of(1).div(0.0).data());
    Value nan = Value.of(Double.NaN);
    Value out = nan.relu().tanh();
    assertTrue(Double.isNaN(out.data()));
    out.backward();
    assertTrue(Double.isNaN(nan.grad()), "NaN propagates into the gradient");
  }

  @Test
  void logAtZeroHasAnInfiniteGradient() {
    Value x = Value.of(0.0);
    x.log().backward();
    assertEquals(Double.POSITIVE_INFINITY, x.grad());
  }

  @Test
  void powWithValueExponentOfANegativeBaseHasANanExponentGradient() {
    Value base = Value.of(-2.0);
    Value exponent = Value.of(2.0);
    Value out = base.pow(exponent);
    out.backward();
    assertEquals(4.0, out.data());
    assertEquals(-4.0, base.grad());
    assertTrue(Double.isNaN(exponent.grad()));
  }

  private static void assertLocal(Value out, double data, double gradLeft, double gradRight) {
    out.backward();
    assertEquals(data, out.data(), TOL);
    assertEquals(gradLeft, out.children().get(0).grad(), TOL);
    assertEquals(gradRight, out.children().get(1).grad(), TOL);
  }

  private static void assertUnary(Value out, double data, double grad, String op) {
    out.backward();
    assertEquals(data, out.data(), TOL);
    assertEquals(grad, out.children().get(0).grad(), TOL);
    assertEquals(op, out.op());
  }
}
