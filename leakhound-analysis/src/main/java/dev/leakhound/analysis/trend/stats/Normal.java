package dev.leakhound.analysis.trend.stats;

/**
 * The standard normal distribution: cumulative probability, upper tail and quantile, in double
 * precision without a statistics library.
 *
 * <p>The cumulative probability uses Marsaglia's series {@code Phi(x) = 1/2 + phi(x) (x + x^3/3 +
 * x^5/15 + ...)} (G. Marsaglia, "Evaluating the Normal Distribution", J. Stat. Software 11(4),
 * 2004), whose terms all have one sign, so it is accurate to about 1e-15 absolute; beyond |x| = 5
 * the tail is the density times the continued fraction for Mills' ratio, which keeps the relative
 * accuracy of tiny p-values. The quantile starts from P. J. Acklam's rational approximation and is
 * polished with Newton steps on the cumulative probability, so {@code cdf(quantile(p)) == p} to
 * rounding.
 *
 * <p>Stateless and thread-safe; every call is O(1) (tens of floating-point operations).
 */
public final class Normal {
  private static final double LOG_SQRT_2PI = 0.91893853320467274178;

  private Normal() {}

  /** The density at {@code x}. */
  public static double density(double x) {
    return Math.exp(-0.5 * x * x - LOG_SQRT_2PI);
  }

  /** P(Z <= x). */
  public static double cdf(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x < -5) {
      return tail(-x);
    }
    if (x > 5) {
      return 1 - tail(x);
    }
    return 0.5 + density(x) * series(x);
  }

  /** P(Z > x), accurate in relative terms far into the tail. */
  public static double upperTail(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x > 5) {
      return tail(x);
    }
    if (x < -5) {
      return 1 - tail(-x);
    }
    return 0.5 - density(x) * series(x);
  }

  /** The two-sided p-value of a z statistic: P(|Z| >= |z|). */
  public static double twoSided(double z) {
    return Math.min(1, 2 * upperTail(Math.abs(z)));
  }

  /** The x with P(Z <= x) = p, for 0 < p < 1; -Infinity at 0 and +Infinity at 1. */
  public static double quantile(double p) {
    if (Double.isNaN(p) || p < 0 || p > 1) {
      throw new IllegalArgumentException("a probability must be in [0, 1], got " + p);
    }
    if (p == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p == 1) {
      return Double.POSITIVE_INFINITY;
    }
    double x = acklam(p);
    // Newton steps on the accurate cdf remove the approximation's 1e-9 relative error. In the
    // lower half the cdf is small and accurate in relative terms; in the upper half work on the
    // upper tail, which is.
    for (int i = 0; i < 4; i++) {
      double error = p < 0.5 ? cdf(x) - p : (1 - p) - upperTail(x);
      double step = error / density(x);
      if (!Double.isFinite(step)) {
        break;
      }
      x -= step;
      if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(x))) {
        break;
      }
    }
    return x;
  }

  /** x + x^3/3 + x^5/(3*5) + ...: converges for every x, all terms of x's sign. */
  private static double series(double x) {
    double sum = x;
    double term = x;
    double q = x * x;
    for (int i = 3; i < 500; i += 2) {
      term *= q / i;
      double next = sum + term;
      if (next == sum) {
        break;
      }
      sum = next;
    }
    return sum;
  }

  /** P(Z > x) for x > 5: density times Mills' ratio, by its continued fraction (backwards). */
  private static double tail(double x) {
    double fraction = 0;
    for (int k = 120; k >= 1; k--) {
      fraction = k / (x + fraction);
    }
    return density(x) / (x + fraction);
  }

  /** P. J. Acklam's rational approximation to the normal quantile (relative error < 1.2e-9). */
  private static double acklam(double p) {
    final double[] a = {
      -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
      1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00
    };
    final double[] b = {
      -5.447609879822406e+01,
      1.615858368580409e+02,
      -1.556989798598866e+02,
      6.680131188771972e+01,
      -1.328068155288572e+01
    };
    final double[] c = {
      -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
      -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00
    };
    final double[] d = {
      7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00
    };
    double low = 0.02425;
    if (p < low) {
      double q = Math.sqrt(-2 * Math.log(p));
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - low) {
      double q = Math.sqrt(-2 * Math.log(1 - p));
      return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5])
        * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
}
