package dev.autograd.core;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Formats doubles exactly as Python 3 prints floats, so that Java output can be compared with the
 * reference program's line for line.
 *
 * <p>Java's {@code String.format("%.4f")} rounds the shortest decimal string half-up, while Python
 * rounds the exact binary value half-even: {@code 0.125} gives {@code 0.13} in Java and {@code
 * 0.12} in Python. These methods follow Python.
 */
public final class PythonFormat {
  private PythonFormat() {}

  /**
   * Returns {@code f"{x:.<digits>f}"}: {@code x} rounded half-even from its exact binary value to
   * {@code digits} decimals; {@code nan}, {@code inf}, {@code -inf}; a negative number that rounds
   * to zero keeps its sign ({@code -0.0000}).
   *
   * @throws IllegalArgumentException if {@code digits} is negative
   */
  public static String fixed(double x, int digits) {
    checkArgument(digits >= 0, "digits must be >= 0, got %s", digits);
    if (Double.isNaN(x)) {
      return "nan";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    String s = new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    boolean negative = x < 0 || (x == 0 && 1 / x < 0);
    return negative && !s.startsWith("-") ? "-" + s : s;
  }

  /**
   * Returns {@code repr(x)} (also {@code str(x)} and {@code f"{x}"}): the shortest decimal that
   * reads back as {@code x}, in positional notation for {@code 1e-4 <= |x| < 1e16} ({@code 15.0},
   * {@code 0.001}) and scientific otherwise ({@code 1e-05}, {@code 1.5e+16}).
   */
  public static String repr(double x) {
    if (Double.isNaN(x)) {
      return "nan";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    if (x == 0) {
      return 1 / x < 0 ? "-0.0" : "0.0";
    }
    BigDecimal shortest = shortest(x);
    String sign = x < 0 ? "-" : "";
    BigDecimal abs = shortest.abs();
    String digits = abs.unscaledValue().toString();
    int exponent = digits.length() - 1 - abs.scale(); // decimal exponent of the first digit
    if (exponent >= -4 && exponent < 16) {
      String plain = abs.toPlainString();
      return sign + (plain.contains(".") ? plain : plain + ".0");
    }
    return sign + scientific(digits, exponent);
  }

  /**
   * Returns {@link #fixed fixed(x, 4)}, unless {@code x} is a nonzero finite number that would
   * show as {@code 0.0000} or {@code -0.0000} there ({@code |x| < 0.00005}): then Python's {@code
   * f"{x:.3e}"} (four significant digits, rounded half-even from the exact binary value, as {@code
   * 6.100e-08}), so that a learner's table never hides a small but nonzero derivative.
   */
  static String fixedOrScientific(double x) {
    if (x == 0 || !Double.isFinite(x) || Math.abs(x) >= 0.00005) {
      return fixed(x, 4);
    }
    BigDecimal rounded = new BigDecimal(x).abs().round(new MathContext(4, RoundingMode.HALF_EVEN));
    String digits = rounded.unscaledValue().toString();
    int exponent = digits.length() - 1 - rounded.scale();
    return (x < 0 ? "-" : "") + scientific((digits + "000").substring(0, 4), exponent);
  }

  /**
   * Returns {@code digits} (the significant digits, the first nonzero) with decimal {@code
   * exponent} in Python's scientific notation: {@code d.ddde-08}, {@code de+16}.
   */
  private static String scientific(String digits, int exponent) {
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String exp = String.format(Locale.ROOT, "%02d", Math.abs(exponent));
    return mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
  }

  /** Returns the decimal with the fewest significant digits that converts back to {@code x}. */
  private static BigDecimal shortest(double x) {
    BigDecimal exact = new BigDecimal(x);
    for (int precision = 1; precision < 17; precision++) {
      BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == x) {
        return candidate.stripTrailingZeros();
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }
}
