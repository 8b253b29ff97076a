package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Expected strings were printed by CPython 3.11 for the same doubles. */
class PythonFormatTest {

  @Test
  void fixedRoundsTheExactBinaryValueHalfEven() {
    assertEquals("0.12", PythonFormat.fixed(0.125, 2));
    assertEquals("0.38", PythonFormat.fixed(0.375, 2));
    assertEquals("2.67", PythonFormat.fixed(2.675, 2));
    assertEquals("15.0000", PythonFormat.fixed(15.0, 4));
    assertEquals("-0.50", PythonFormat.fixed(-0.5, 2));
    assertEquals("10", PythonFormat.fixed(9.5, 0));
    assertEquals("8", PythonFormat.fixed(8.5, 0));
  }

  @Test
  void fixedKeepsTheSignOfNegativeValuesThatRoundToZero() {
    assertEquals("-0.0000", PythonFormat.fixed(-0.00001, 4));
    assertEquals("-0.0000", PythonFormat.fixed(-0.0, 4));
    assertEquals("0.0000", PythonFormat.fixed(0.0, 4));
  }

  @Test
  void fixedPrintsNonFiniteValuesLikePython() {
    assertEquals("nan", PythonFormat.fixed(Double.NaN, 3));
    assertEquals("inf", PythonFormat.fixed(Double.POSITIVE_INFINITY, 3));
    assertEquals("-inf", PythonFormat.fixed(Double.NEGATIVE_INFINITY, 3));
  }

  @Test
  void fixedRejectsNegativeDigits() {
    assertEquals(
        "digits must be >= 0, got -1",
        assertThrows(IllegalArgumentException.class, () -> PythonFormat.fixed(1, -1))
            .getMessage());
  }

  @Test
  void reprIsTheShortestRoundTripInPythonsNotation() {
    assertEquals("15.0", PythonFormat.repr(15.0));
    assertEquals("5.0", PythonFormat.repr(5.0));
    assertEquals("-2.0", PythonFormat.repr(-2.0));
    assertEquals("0.1", PythonFormat.repr(0.1));
    assertEquals("0.30000000000000004", PythonFormat.repr(0.1 + 0.2));
    assertEquals("0.001", PythonFormat.repr(0.001));
    assertEquals("0.0001", PythonFormat.repr(0.0001));
    assertEquals("1e-05", PythonFormat.repr(0.00001));
    assertEquals("1.5e-07", PythonFormat.repr(1.5e-7));
    assertEquals("1234567.0", PythonFormat.repr(1234567.0));
    assertEquals("1e+16", PythonFormat.repr(1e16));
    assertEquals("1.2345e+20", PythonFormat.repr(1.2345e20));
    assertEquals("9999999999999998.0", PythonFormat.repr(9999999999999998.0));
    assertEquals("-0.0", PythonFormat.repr(-0.0));
    assertEquals("0.0", PythonFormat.repr(0.0));
    assertEquals("nan", PythonFormat.repr(Double.NaN));
    assertEquals("-inf", PythonFormat.repr(Double.NEGATIVE_INFINITY));
    assertEquals("5e-324", PythonFormat.repr(Double.MIN_VALUE));
    assertEquals("1.7976931348623157e+308", PythonFormat.repr(Double.MAX_VALUE));
  }

  @Test
  void fixedOrScientificShowsSmallNonzeroNumbersWithFourSignificantDigits() {
    assertEquals("0.2500", PythonFormat.fixedOrScientific(0.25));
    assertEquals("0.0001", PythonFormat.fixedOrScientific(0.00005)); // half-even of the binary value
    assertEquals("4.999e-05", PythonFormat.fixedOrScientific(0.00004999));
    assertEquals("6.100e-08", PythonFormat.fixedOrScientific(6.1e-8));
    assertEquals("-1.234e-20", PythonFormat.fixedOrScientific(-1.2345e-20)); // as Python: below .5
    assertEquals("4.941e-324", PythonFormat.fixedOrScientific(Double.MIN_VALUE));
    assertEquals("0.0000", PythonFormat.fixedOrScientific(0.0));
    assertEquals("-0.0000", PythonFormat.fixedOrScientific(-0.0));
    assertEquals("nan", PythonFormat.fixedOrScientific(Double.NaN));
    assertEquals("-inf", PythonFormat.fixedOrScientific(Double.NEGATIVE_INFINITY));
    assertEquals("123456.0000", PythonFormat.fixedOrScientific(123456.0));
  }
}
