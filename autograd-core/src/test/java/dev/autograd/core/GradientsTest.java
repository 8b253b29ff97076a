package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class GradientsTest {
  private static final double[] POINTS = {-2.5, -1.3, -0.4, 0.35, 0.8, 1.6, 3.2};

  /** Returns d/dx of f at x, as a Value built by Gradients.of. */
  private static Value first(UnaryOperator<Value> f, Value x) {
    return Gradients.of(f.apply(x), List.of(x)).get(0);
  }

  private static double second(UnaryOperator<Value> f, double x0) {
    Value x = Value.of(x0);
    return Gradients.of(first(f, x), List.of(x)).get(0).data();
  }

  /** Central difference of the first derivative, refined once by Richardson extrapolation. */
  private static double differenceOfFirst(UnaryOperator<Value> f, double x0) {
    double h = 1e-4 * Math.max(1, Math.abs(x0));
    DoubleUnaryOperator d1 = x -> first(f, Value.of(x)).data();
    double dh = (d1.applyAsDouble(x0 + h) - d1.applyAsDouble(x0 - h)) / (2 * h);
    double dh2 = (d1.applyAsDouble(x0 + h / 2) - d1.applyAsDouble(x0 - h / 2)) / h;
    return (4 * dh2 - dh) / 3;
  }

  private static void assertSecond(String name, UnaryOperator<Value> f, DoubleUnaryOperator closed,
      double... points) {
    for (double x : points) {
      double d2 = second(f, x);
      double tol = 1e-7 * Math.max(1, Math.abs(d2));
      assertEquals(closed.applyAsDouble(x), d2, 1e-12 * Math.max(1, Math.abs(d2)), name + " at " + x);
      assertEquals(differenceOfFirst(f, x), d2, tol, name + " vs differences at " + x);
    }
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  @Test
  void secondDerivativeOfEveryUnaryOpMatchesDifferencesOfTheFirstAndItsClosedForm() {
    assertSecond("neg", Value::neg, x -> 0, POINTS);
    assertSecond("square", x -> x.pow(2.0), x -> 2, POINTS);
    assertSecond("cube", x -> x.pow(3.0), x -> 6 * x, POINTS);
    assertSecond("pow 0.5", x -> x.pow(0.5), x -> -0.25 * Math.pow(x, -1.5), 0.35, 0.8, 1.6, 3.2);
    assertSecond("pow -1", x -> x.pow(-1.0), x -> 2 / (x * x * x), POINTS);
    assertSecond("exp", Value::exp, Math::exp, POINTS);
    assertSecond("log", Value::log, x -> -1 / (x * x), 0.35, 0.8, 1.6, 3.2);
    assertSecond("tanh", Value::tanh,
        x -> -2 * Math.tanh(x) / Math.pow(Math.cosh(x), 2), POINTS);
    assertSecond("relu", Value::relu, x -> 0, POINTS);
    assertSecond("sigmoid", Value::sigmoid,
        x -> sigmoid(x) * (1 - sigmoid(x)) * (1 - 2 * sigmoid(x)), POINTS);
    assertSecond("abs", Value::abs, x -> 0, POINTS);
    assertSecond("sqrt", Value::sqrt, x -> -0.25 * Math.pow(x, -1.5), 0.35, 0.8, 1.6, 3.2);
    assertSecond("sin", Value::sin, x -> -Math.sin(x), POINTS);
    assertSecond("cos", Value::cos, x -> -Math.cos(x), POINTS);
    assertSecond("leakyRelu", x -> x.leakyRelu(0.1), x -> 0, POINTS);
    assertSecond("softplus", Value::softplus, x -> sigmoid(x) * (1 - sigmoid(x)), POINTS);
    assertSecond("rsub", x -> x.rsub(1.0), x -> 0, POINTS);
    assertSecond("rdiv", x -> x.rdiv(2.0), x -> 4 / (x * x * x), POINTS);
  }

  /** Asserts the Hessian of f(x, y) at (x0, y0) against a closed form and differences. */
  private static void assertHessian(String name, BinaryOperator<Value> f, double x0, double y0,
      double[][] closed) {
    Value x = Value.of(x0);
    Value y = Value.of(y0);
    double[][] h = Gradients.hessian(f.apply(x, y), List.of(x, y));
    for (int i = 0; i < 2; i++) {
      assertArrayEquals(closed[i], h[i], 1e-12 * (1 + Math.abs(closed[i][0]) + Math.abs(closed[i][1])),
          name + " row " + i + " at " + x0 + ", " + y0 + ": " + Arrays.deepToString(h));
    }
  }

  @Test
  void hessianOfEveryBinaryOpMatchesItsClosedForm() {
    for (double a : POINTS) {
      double b = 0.7 - a / 3;
      double[][] zero = {{0, 0}, {0, 0}};
      assertHessian("add", Value::add, a, b, zero);
      assertHessian("sub", Value::sub, a, b, zero);
      assertHessian("mul", Value::mul, a, b, new double[][] {{0, 1}, {1, 0}});
      assertHessian("div", Value::div, a, b,
          new double[][] {{0, -1 / (b * b)}, {-1 / (b * b), 2 * a / (b * b * b)}});
      assertHessian("max", Value::max, a, b, zero);
      assertHessian("min", Value::min, a, b, zero);
      if (a > 0) {
        double lg = Math.log(a);
        double mixed = Math.pow(a, b - 1) * (1 + b * lg);
        assertHessian("pow", Value::pow, a, b, new double[][] {
            {b * (b - 1) * Math.pow(a, b - 2), mixed}, {mixed, Math.pow(a, b) * lg * lg}});
      }
    }
  }

  @Test
  void rosenbrockHessianAtItsMinimumIsTheTextbookMatrix() {
    Value x = Value.of(1.0);
    Value y = Value.of(1.0);
    Value f = x.rsub(1.0).pow(2.0).add(y.sub(x.pow(2.0)).pow(2.0).mul(100.0));
    double[][] h = Gradients.hessian(f, List.of(x, y));
    assertArrayEquals(new double[] {802, -400}, h[0], 1e-12);
    assertArrayEquals(new double[] {-400, 200}, h[1], 1e-12);
    assertArrayEquals(new double[] {802 * 0.5 - 400 * 2, -400 * 0.5 + 200 * 2},
        Gradients.hessianVectorProduct(f, List.of(x, y), new double[] {0.5, 2}), 1e-12);
  }

  @Test
  void fifthDerivativeOfXToTheFifthIs120AndTheSixthIsZero() {
    Value x = Value.of(1.7);
    Value d = x.pow(5.0);
    double[] expected = {5 * Math.pow(1.7, 4), 20 * Math.pow(1.7, 3), 60 * 1.7 * 1.7, 120 * 1.7, 120, 0};
    for (double e : expected) {
      d = Gradients.of(d, List.of(x)).get(0);
      assertEquals(e, d.data(), 1e-12 * Math.abs(e));
    }
  }

  @Test
  void ofTouchesNoGradAndAgreesWithBackward() {
    Value x = Value.of(0.7, "x");
    Value y = Value.of(-1.2, "y");
    Value f = x.mul(y).tanh().add(x.pow(3.0)).div(y.exp());
    x.setGrad(42);
    List<Value> g = Gradients.of(f, List.of(x, y));
    assertEquals(42, x.grad());
    assertEquals(0, y.grad());
    f.backward();
    assertEquals(x.grad(), g.get(0).data(), 0.0);
    assertEquals(y.grad(), g.get(1).data(), 0.0);
  }

  @Test
  void ofGivesZeroForANodeTheOutputDoesNotDependOnAndHandlesInteriorAndRepeatedNodes() {
    Value x = Value.of(3.0);
    Value inner = x.mul(x);
    Value f = inner.mul(2.0);
    List<Value> g = Gradients.of(f, List.of(Value.of(1.0), inner, x, x));
    assertEquals(List.of(0.0, 2.0, 12.0, 12.0), g.stream().map(Value::data).toList());
    assertEquals(1.0, Gradients.of(x, List.of(x)).get(0).data());
    assertEquals(0.0, Gradients.of(x.relu().mul(0.0).add(x.neg().relu()), List.of(x)).get(0).data());
  }

  @Test
  void aStaleGraphThrowsNamingTheChangedLeaf() {
    Value x = Value.of(0.5, "x");
    Value f = x.mul(x).tanh();
    x.setData(2.0);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Gradients.of(f, List.of(x)));
    assertEquals(true, e.getMessage().startsWith("stale graph: leaf \"x\" (data 2.0)"), e.getMessage());
  }

  @Test
  void badArgumentsNameTheOffendingValue() {
    Value x = Value.of(1.0);
    assertEquals("output", assertThrows(NullPointerException.class,
        () -> Gradients.of(null, List.of(x))).getMessage());
    assertEquals("wrt", assertThrows(NullPointerException.class,
        () -> Gradients.of(x, null)).getMessage());
    assertEquals("wrt[1] is null", assertThrows(NullPointerException.class,
        () -> Gradients.hessian(x, Arrays.asList(x, null))).getMessage());
    assertEquals("v has length 1 but wrt has 2 elements", assertThrows(
        IllegalArgumentException.class,
        () -> Gradients.hessianVectorProduct(x, List.of(x, x), new double[1])).getMessage());
    assertEquals("v", assertThrows(NullPointerException.class,
        () -> Gradients.hessianVectorProduct(x, List.of(x), null)).getMessage());
  }
}
