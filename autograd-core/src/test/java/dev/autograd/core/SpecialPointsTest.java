package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Special points of every op: the rows of issue 10's table first, then each op walked through
 * {@code ±0}, {@code ±Infinity}, NaN, its kinks and ties, and intermediate overflow. Expected values
 * are the mathematical limit where it exists, else what PyTorch 1.13's autograd returns in float64
 * (checked with {@code torch.autograd} on each row). Each is also checked through {@link
 * CompiledGraph} and through {@link Gradients#of}, which must agree with {@code backward()}.
 */
class SpecialPointsTest {
  private static final double INF = Double.POSITIVE_INFINITY;
  private static final double NAN = Double.NaN;

  /** Returns {value, d/dx} for {@code f(x)} with upstream grad {@code up}, checked three ways. */
  private static double[] unary(UnaryOperator<Value> f, double x, double up) {
    Value in = Value.of(x);
    Value out = f.apply(in);
    Value upstream = Value.of(up);
    Value root = out.mul(upstream);
    root.backward();
    double g = in.grad();
    in.zeroGrad();
    CompiledGraph compiled = CompiledGraph.compile(root);
    compiled.forwardBackward();
    assertEquals(g, compiled.gradOf(in), "compiled replay");
    assertEquals(g, Gradients.of(root, java.util.List.of(in)).get(0).data(), 0.0, "Gradients.of (a sum starting from -0.0 keeps its sign)");
    return new double[] {out.data(), g};
  }

  private static double[] unary(UnaryOperator<Value> f, double x) {
    return unary(f, x, 1.0);
  }

  /** Returns {value, d/dx, d/dy} for {@code f(x, y)} with upstream {@code up}, checked three ways. */
  private static double[] binary(BinaryOperator<Value> f, double x, double y, double up) {
    Value a = Value.of(x);
    Value b = Value.of(y);
    Value out = f.apply(a, b);
    Value root = out.mul(Value.of(up));
    root.backward();
    double ga = a.grad();
    double gb = b.grad();
    CompiledGraph compiled = CompiledGraph.compile(root);
    compiled.forwardBackward();
    assertEquals(ga, compiled.gradOf(a), "compiled replay");
    assertEquals(gb, compiled.gradOf(b), "compiled replay");
    java.util.List<Value> grads = Gradients.of(root, java.util.List.of(a, b));
    assertEquals(ga, grads.get(0).data(), 0.0, "Gradients.of (a sum starting from -0.0 keeps its sign)");
    assertEquals(gb, grads.get(1).data(), 0.0, "Gradients.of (a sum starting from -0.0 keeps its sign)");
    return new double[] {out.data(), ga, gb};
  }

  private static double[] binary(BinaryOperator<Value> f, double x, double y) {
    return binary(f, x, y, 1.0);
  }

  private static void assertRow(double[] expected, double[] actual) {
    for (int i = 0; i < expected.length; i++) {
      if (Double.isFinite(expected[i])) {
        assertEquals(expected[i], actual[i], Math.abs(expected[i]) * 1e-12, "component " + i);
      } else {
        assertEquals(expected[i], actual[i], "component " + i);
      }
    }
  }

  private static double[] row(double... values) {
    return values;
  }

  // ---- issue 10's table ----------------------------------------------------------------------

  @Test
  void powerWithExponentZeroHasDerivativeZeroForBaseZeroAndNan() {
    assertRow(row(1, 0), unary(x -> x.pow(0.0), 0.0));
    assertRow(row(1, 0), unary(x -> x.pow(0.0), NAN));
    assertRow(row(1, 0, 0), binary(Value::pow, 0.0, 0.0));
    assertRow(row(1, 0, NAN), binary(Value::pow, NAN, 0.0));
    assertRow(row(1, 0), unary(x -> x.pow(0.0), 0.0, INF)); // a select: inf upstream gives 0
  }

  @Test
  void powerOfOneAndMinusOneFollowsIeeePowNotMathPow() {
    assertRow(row(1, INF), unary(x -> x.pow(INF), 1.0));
    assertRow(row(1, -INF), unary(x -> x.pow(-INF), 1.0));
    assertRow(row(1, NAN), unary(x -> x.pow(NAN), 1.0));
    assertRow(row(1, INF), unary(x -> x.pow(INF), -1.0));
    assertRow(row(1, -INF), unary(x -> x.pow(-INF), -1.0));
    assertRow(row(1, INF, 0), binary(Value::pow, 1.0, INF));
    assertRow(row(1, -INF, 0), binary(Value::pow, 1.0, -INF));
    assertRow(row(1, NAN, 0), binary(Value::pow, 1.0, NAN));
    assertRow(row(1, INF, NAN), binary(Value::pow, -1.0, INF));
    assertRow(row(1, -INF, NAN), binary(Value::pow, -1.0, -INF));
    assertRow(row(NAN, NAN), unary(x -> x.pow(NAN), -1.0)); // IEEE: pow(-1, NaN) is NaN
  }

  @Test
  void powerOfZeroToTheZeroHasExponentDerivativeZero() {
    assertRow(row(1, 0, 0), binary(Value::pow, 0.0, 0.0));
    assertRow(row(1, 0, 0), binary(Value::pow, -0.0, 0.0));
  }

  @Test
  void reluBelowItsKinkSendsZeroEvenForAnInfiniteOrNanUpstream() {
    assertRow(row(0, 0), new double[] {0, reluGrad(-1.0, INF)});
    assertRow(row(0, 0), new double[] {0, reluGrad(-1.0, NAN)});
    assertRow(row(0, 0), new double[] {0, reluGrad(0.0, INF)});
    assertRow(row(0, 0), new double[] {0, reluGrad(-0.0, NAN)});
  }

  private static double reluGrad(double x, double w) {
    Value in = Value.of(x);
    in.relu().mul(Value.of(w)).backward();
    return in.grad();
  }

  @Test
  void divisionDerivativeDoesNotOverflowOrUnderflowInTheDenominatorSquare() {
    assertRow(row(1, 1e-200, -1e-200), binary(Value::div, 1e200, 1e200));
    assertEquals(-3e-320, binary(Value::div, 3, 1e160)[2], 1e-323);
  }

  @Test
  void sigmoidDerivativeKeepsItsTrueValueWhereTheSigmoidRoundsToOne() {
    assertRow(row(1, 4.248354255291589e-18), unary(Value::sigmoid, 40.0));
    assertRow(row(4.248354255291589e-18, 4.248354255291589e-18), unary(Value::sigmoid, -40.0));
    assertRow(row(1, 0), unary(Value::sigmoid, INF));
    assertRow(row(0, 0), unary(Value::sigmoid, -INF));
  }

  // ---- every op walked -----------------------------------------------------------------------

  @Test
  void powerSpecialPoints() {
    assertRow(row(0, INF), unary(x -> x.pow(0.5), 0.0)); // limit from the right
    assertRow(row(INF, -INF), unary(x -> x.pow(-1.0), 0.0));
    assertRow(row(0, 0, 0), binary(Value::pow, 0.0, 2.0));
    assertRow(row(INF, -INF, -INF), binary(Value::pow, 0.0, -1.0));
    assertRow(row(4, -4, NAN), binary(Value::pow, -2.0, 2.0)); // ln of a negative base
    assertRow(row(0, 0, 0), binary(Value::pow, 0.5, 1e5)); // underflow: flat in the exponent
    assertRow(row(0, -0.0, 0), binary(Value::pow, INF, -1.0)); // Infinity^-y is flat in y
    assertRow(row(1, 0, Math.log(2)), binary(Value::pow, 2.0, 0.0));
    assertRow(row(NAN, NAN), unary(x -> x.pow(0.5), -4.0));
  }

  @Test
  void divisionByZeroFollowsIeee() {
    assertRow(row(INF, INF, -INF), binary(Value::div, 1.0, 0.0));
    assertRow(row(NAN, INF, NAN), binary(Value::div, 0.0, 0.0));
  }

  @Test
  void expLogTanhAtTheirEdges() {
    assertRow(row(INF, INF), unary(Value::exp, INF));
    assertRow(row(0, 0), unary(Value::exp, -INF));
    assertRow(row(-INF, INF), unary(Value::log, 0.0));
    assertRow(row(-INF, -INF), unary(Value::log, -0.0));
    assertRow(row(INF, 0), unary(Value::log, INF));
    assertRow(row(NAN, -1), unary(Value::log, -1.0));
    assertRow(row(1, 4 * Math.exp(-40)), unary(Value::tanh, 20.0)); // 1 - tanh² would be 0
    assertRow(row(-1, 4 * Math.exp(-40)), unary(Value::tanh, -20.0));
    assertRow(row(1, 0), unary(Value::tanh, INF));
    assertRow(row(NAN, NAN), unary(Value::tanh, NAN));
  }

  @Test
  void reluAtNanPassesTheUpstreamGradAsPytorch() {
    assertRow(row(NAN, 1), unary(Value::relu, NAN));
    assertRow(row(-0.0, 0), unary(Value::relu, -0.0));
    assertRow(row(0, 0), unary(Value::relu, 0.0));
  }

  @Test
  void absTakesZeroAtItsKinkAndForNan() {
    assertRow(row(0, 0), unary(Value::abs, 0.0));
    assertRow(row(0, 0), unary(Value::abs, -0.0));
    assertRow(row(0, 0), unary(Value::abs, 0.0, INF)); // a select: no 0 * Infinity
    assertRow(row(NAN, 0), unary(Value::abs, NAN));
    assertRow(row(INF, -1), unary(Value::abs, -INF));
    assertRow(row(2.5, 1), unary(Value::abs, 2.5));
  }

  @Test
  void sqrtAtZeroTakesTheLimitFromTheRight() {
    assertRow(row(0, INF), unary(Value::sqrt, 0.0));
    assertRow(row(-0.0, -INF), unary(Value::sqrt, -0.0));
    assertRow(row(INF, 0), unary(Value::sqrt, INF));
    assertRow(row(NAN, NAN), unary(Value::sqrt, -1.0));
    assertRow(row(2, 0.25), unary(Value::sqrt, 4.0));
  }

  @Test
  void sinAndCosAreNanAtInfinity() {
    assertRow(row(NAN, NAN), unary(Value::sin, INF));
    assertRow(row(NAN, NAN), unary(Value::cos, -INF));
    assertRow(row(0, 1), unary(Value::sin, 0.0));
    assertRow(row(1, -0.0), unary(Value::cos, 0.0));
    assertEquals(-1.0, unary(Value::cos, Math.PI / 2)[1], 1e-15);
  }

  @Test
  void maxAndMinSplitATieAndPassNanToBoth() {
    assertRow(row(1, 0.5, 0.5), binary(Value::max, 1.0, 1.0));
    assertRow(row(1, 0.5, 0.5), binary(Value::min, 1.0, 1.0));
    assertRow(row(0, 0.5, 0.5), binary(Value::max, -0.0, 0.0));
    assertRow(row(-0.0, 0.5, 0.5), binary(Value::min, -0.0, 0.0));
    assertRow(row(2, 0, 1), binary(Value::max, 1.0, 2.0));
    assertRow(row(1, 1, 0), binary(Value::min, 1.0, 2.0));
    assertRow(row(NAN, 1, 1), binary(Value::max, NAN, 1.0));
    assertRow(row(NAN, 1, 1), binary(Value::min, 1.0, NAN));
    assertRow(row(INF, 0.5, 0.5), binary(Value::max, INF, INF));
    assertRow(row(2, 0, INF), binary(Value::max, 1.0, 2.0, INF)); // the loser gets 0, not NaN
    assertRow(row(1, INF, INF), binary(Value::max, 1.0, 1.0, INF));
  }

  @Test
  void leakyReluTakesItsSlopeAtTheKinkAndForNan() {
    assertRow(row(0, 0.01), unary(x -> x.leakyRelu(0.01), 0.0));
    assertRow(row(-0.0, 0.01), unary(x -> x.leakyRelu(0.01), -0.0));
    assertRow(row(-0.02, 0.01), unary(x -> x.leakyRelu(0.01), -2.0));
    assertRow(row(3, 1), unary(x -> x.leakyRelu(0.01), 3.0));
    assertRow(row(NAN, 0.01), unary(x -> x.leakyRelu(0.01), NAN));
    assertRow(row(-0.01, INF), unary(x -> x.leakyRelu(0.01), -1.0, INF));
    assertRow(row(-0.0, 0), unary(x -> x.leakyRelu(0.0), -1.0, INF)); // slope 0: a select
  }

  @Test
  void softplusNeitherOverflowsNorSaturatesEarly() {
    assertRow(row(Math.log(2), 0.5), unary(Value::softplus, 0.0));
    assertRow(row(800, 1), unary(Value::softplus, 800.0));
    assertRow(row(0, 0), unary(Value::softplus, -800.0));
    assertRow(row(Math.exp(-40), Math.exp(-40)), unary(Value::softplus, -40.0));
    assertRow(row(30 + Math.exp(-30), 1 - Math.exp(-30)), unary(Value::softplus, 30.0));
    assertRow(row(INF, 1), unary(Value::softplus, INF));
    assertRow(row(0, 0), unary(Value::softplus, -INF));
    assertRow(row(NAN, NAN), unary(Value::softplus, NAN));
  }

  @Test
  void stopGradientPassesEveryValueAndNoGradient() {
    assertRow(row(2.5, 0), unary(Value::stopGradient, 2.5));
    assertRow(row(-0.0, 0), unary(Value::stopGradient, -0.0));
    assertRow(row(INF, 0), unary(Value::stopGradient, INF));
    assertRow(row(-INF, 0), unary(Value::stopGradient, -INF));
    assertRow(row(NAN, 0), unary(Value::stopGradient, NAN));
    assertRow(row(1, 0), unary(Value::stopGradient, 1.0, INF));
    assertRow(row(1, 0), unary(Value::stopGradient, 1.0, NAN));
  }

  @Test
  void constantsOnTheLeftAreOrdinarySubtractionAndDivision() {
    assertRow(row(-1.5, -1), unary(x -> x.rsub(1.0), 2.5));
    assertRow(row(0.8, -0.32), unary(x -> x.rdiv(2.0), 2.5));
    assertRow(row(INF, -INF), unary(x -> x.rdiv(2.0), 0.0));
    Value x = Value.of(4.0);
    assertEquals("-", x.rsub(1.0).op());
    assertEquals(1.0, x.rdiv(1.0).children().get(0).data());
    assertEquals(x, x.rdiv(1.0).children().get(1));
  }

  @Test
  void multiplicationAndSquareFollowIeee() {
    assertRow(row(NAN, INF, 0), binary(Value::mul, 0.0, INF));
    assertRow(row(INF, 2e200), unary(x -> x.pow(2.0), 1e200)); // the slope is finite
    assertRow(row(INF, INF), unary(x -> x.pow(2.0), INF));
  }
}
