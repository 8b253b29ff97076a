package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class GradCheckTest {

  @Test
  void correctGradientsOfAGraphPass() {
    Value x = Value.of(0.3, "x");
    Value y = Value.of(1.2, "y");
    Value f = x.mul(y).tanh().add(y.pow(x)).div(x.exp().add(1.0));
    GradCheck.Report report = GradCheck.check(f, List.of(x, y));
    assertTrue(report.passes(1e-9), report::toString);
    assertEquals(2, report.entries().size());
    assertEquals("x", report.entries().get(0).label());
  }

  @Test
  void inputsGetTheirDataBack() {
    Value x = Value.of(0.3);
    GradCheck.check(x.mul(x), List.of(x));
    assertEquals(0.3, x.data());
  }

  @Test
  void aWrongAnalyticGradientIsCaught() {
    GradCheck.Entry wrong = new GradCheck.Entry(0, "x", 2.0, 2.5);
    assertEquals(0.2, wrong.error(), 1e-15);
    GradCheck.Report report = new GradCheck.Report(List.of(wrong));
    assertFalse(report.passes(1e-6));
  }

  @Test
  void smallGradientsAreComparedAbsolutely() {
    assertEquals(1e-7, new GradCheck.Entry(0, "", 0.0, 1e-7).error(), 1e-20);
  }

  @Test
  void nanErrorNeverPasses() {
    GradCheck.Report report = new GradCheck.Report(List.of(new GradCheck.Entry(0, "", Double.NaN, 1)));
    assertTrue(Double.isNaN(report.maxError()));
    assertFalse(report.passes(1.0));
  }

  @Test
  void anInputTheOutputDoesNotDependOnHasZeroGradient() {
    Value x = Value.of(2.0);
    Value unused = Value.of(7.0);
    unused.mul(3.0).backward(); // leaves a stale grad of 3
    GradCheck.Report report = GradCheck.check(x.mul(x), List.of(x, unused));
    assertEquals(0.0, report.entries().get(1).analytic());
    assertTrue(report.passes(1e-9), report::toString);
  }

  @Test
  void functionFormChecksCodeThatBranchesOnValues() {
    GradCheck.Report report =
        GradCheck.check(
            xs -> xs.get(0).data() > 0 ? xs.get(0).mul(xs.get(1)).log() : xs.get(0), 2.0, 3.0);
    assertTrue(report.passes(1e-9), report::toString);
    assertEquals(0.5, report.entries().get(0).analytic(), 1e-12);
  }

  @Test
  void derivativeIsRichardsonOfCentralDifferencesWithAStepScaledByTheInput() {
    // For x^5, (4 D(h/2) - D(h)) / 3 = 5 x^4 - h^4 / 4 exactly; h = step * max(1, |x|) = 1 here.
    assertEquals(5e4 - 0.25, GradCheck.derivative(x -> Math.pow(x, 5), 10.0, 0.1), 1e-9);
    // Below |x| = 1 the step is not scaled: h = 0.1.
    assertEquals(5 * 0.0625 - 1e-4 / 4, GradCheck.derivative(x -> Math.pow(x, 5), -0.5, 0.1),
        1e-12);
  }

  @Test
  void aReportPassesWhenTheErrorEqualsTheTolerance() {
    GradCheck.Report report = new GradCheck.Report(List.of(new GradCheck.Entry(0, "x", 0.0, 0.5)));
    assertTrue(report.passes(0.5));
    assertFalse(report.passes(0.49));
  }

  @Test
  void reportToStringListsEveryInputWithItsNumbers() {
    GradCheck.Report report =
        new GradCheck.Report(
            List.of(new GradCheck.Entry(0, "x", 2.0, 2.5), new GradCheck.Entry(1, "y", 1.0, 1.0)));
    String text = report.toString();
    assertTrue(text.startsWith("GradCheck (max error 0.2)\n"), text);
    assertTrue(text.contains("[0] x        analytic= 2.000000000000e+00 numeric= 2.500000000000e+00"
        + " error=2.000e-01"), text);
    assertTrue(text.contains("[1] y "), text);
    assertEquals(3, text.split("\n").length, text);
  }

  @Test
  void reportToStringIgnoresTheDefaultLocale() {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY); // a decimal comma
    try {
      String text =
          new GradCheck.Report(List.of(new GradCheck.Entry(0, "x", 1.5, 1.5))).toString();
      assertTrue(text.contains("analytic= 1.500000000000e+00"), text);
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void badArgumentsAreRejectedWithTheirValues() {
    Value x = Value.of(1.0);
    Value y = x.mul(2.0);
    IllegalArgumentException notLeaf =
        assertThrows(IllegalArgumentException.class, () -> GradCheck.check(y, List.of(y)));
    assertEquals("inputs[0] must be a leaf, but was made by op '*'", notLeaf.getMessage());
    IllegalArgumentException badStep =
        assertThrows(IllegalArgumentException.class, () -> GradCheck.check(y, List.of(x), 0.0));
    assertEquals("step must be positive and finite, got 0.0", badStep.getMessage());
    assertThrows(NullPointerException.class, () -> GradCheck.check(null, List.of(x)));
    assertThrows(NullPointerException.class, () -> GradCheck.check(y, null));
  }
}
