package dev.leakhound.analysis.profile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * Unit scaling and number formatting exactly as google/pprof's {@code internal/measurement} package
 * does it, so that text reports read like {@code go tool pprof}'s: {@code 27.12MB}, {@code 1.50s},
 * percentages with Go's {@code %5.2f} and {@code %5.2g}. Numbers are rounded from their exact
 * binary value, half to even, as Go's {@code strconv} does (Java's {@code Formatter} rounds
 * differently).
 *
 * <p>Stateless; thread-safe.
 */
final class Measurement {
  /** A value in a unit; {@code unit} is empty when the unit is not worth printing. */
  record Scaled(double value, String unit) {}

  private record Unit(String name, List<String> aliases, double factor) {}

  private record UnitType(List<Unit> units, Unit defaultUnit) {}

  private static final List<UnitType> UNIT_TYPES =
      List.of(
          new UnitType(
              List.of(
                  new Unit("B", List.of("b", "byte"), 1),
                  new Unit("kB", List.of("kb", "kbyte", "kilobyte"), 1L << 10),
                  new Unit("MB", List.of("mb", "mbyte", "megabyte"), 1L << 20),
                  new Unit("GB", List.of("gb", "gbyte", "gigabyte"), 1L << 30),
                  new Unit("TB", List.of("tb", "tbyte", "terabyte"), 1L << 40),
                  new Unit("PB", List.of("pb", "pbyte", "petabyte"), 1L << 50)),
              new Unit("B", List.of("b", "byte"), 1)),
          new UnitType(
              List.of(
                  new Unit("ns", List.of("ns", "nanosecond"), 1),
                  new Unit("us", List.of("μs", "us", "microsecond"), 1e3),
                  new Unit("ms", List.of("ms", "millisecond"), 1e6),
                  new Unit("s", List.of("s", "sec", "second"), 1e9),
                  new Unit("hrs", List.of("hour", "hr"), 3600e9)),
              new Unit("s", List.of(), 1e9)),
          new UnitType(
              List.of(
                  new Unit("n*GCU", List.of("nanogcu"), 1e-9),
                  new Unit("u*GCU", List.of("microgcu"), 1e-6),
                  new Unit("m*GCU", List.of("milligcu"), 1e-3),
                  new Unit("GCU", List.of("gcu"), 1),
                  new Unit("k*GCU", List.of("kilogcu"), 1e3),
                  new Unit("M*GCU", List.of("megagcu"), 1e6),
                  new Unit("G*GCU", List.of("gigagcu"), 1e9),
                  new Unit("T*GCU", List.of("teragcu"), 1e12),
                  new Unit("P*GCU", List.of("petagcu"), 1e15)),
              new Unit("GCU", List.of(), 1)));

  private Measurement() {}

  /** pprof's {@code measurement.Scale}: {@code value} in {@code from} expressed in {@code to}. */
  static Scaled scale(long value, String fromUnit, String toUnit) {
    if (value < 0 && -value > 0) {
      Scaled s = scale(-value, fromUnit, toUnit);
      return new Scaled(-s.value(), s.unit());
    }
    for (UnitType type : UNIT_TYPES) {
      Scaled s = convert(type, value, fromUnit, toUnit);
      if (s != null) {
        return s;
      }
    }
    return switch (toUnit) {
      case "count", "sample", "unit", "minimum", "auto" -> new Scaled(value, "");
      default -> new Scaled(value, toUnit);
    };
  }

  /** pprof's {@code measurement.ScaledLabel}: {@code 27.12MB}, {@code 0}, {@code -1.50s}. */
  static String scaledLabel(long value, String fromUnit, String toUnit) {
    Scaled s = scale(value, fromUnit, toUnit);
    String sv = fixed2(s.value());
    if (sv.endsWith(".00")) {
      sv = sv.substring(0, sv.length() - 3);
    }
    if (sv.equals("0") || sv.equals("-0")) {
      return "0";
    }
    return sv + s.unit();
  }

  /** pprof's {@code measurement.Label}: the value in the most readable unit. */
  static String label(long value, String unit) {
    return scaledLabel(value, unit, "auto");
  }

  /** pprof's {@code measurement.Percentage}: {@code 84.06%}, {@code 100%}, {@code 0.52%}. */
  static String percentage(long value, long total) {
    double ratio = 0;
    if (total != 0) {
      ratio = Math.abs((double) value / (double) total) * 100;
    }
    if (ratio >= 99.95 && ratio <= 100.05) {
      return "  100%";
    }
    String number = ratio >= 1.0 ? fixed2(ratio) : goG2(ratio);
    return " ".repeat(Math.max(0, 5 - number.length())) + number + "%";
  }

  /** True when both units belong to the same one of pprof's unit types (bytes, time, GCU). */
  static boolean sameUnitType(String a, String b) {
    return UNIT_TYPES.stream().anyMatch(t -> sniff(t, a) != null && sniff(t, b) != null);
  }

  private static Scaled convert(UnitType type, long value, String fromUnit, String toUnit) {
    Unit from = sniff(type, fromUnit);
    if (from == null) {
      return null;
    }
    double v = (double) value * from.factor();
    if (toUnit.equals("minimum") || toUnit.equals("auto")) {
      double f = 0;
      String name = "";
      for (Unit u : type.units()) {
        if (u.factor() >= f && v / u.factor() >= 1.0) {
          f = u.factor();
          name = u.name();
        }
      }
      if (f != 0) {
        return new Scaled(v / f, name);
      }
      return new Scaled(v / type.defaultUnit().factor(), type.defaultUnit().name());
    }
    Unit to = sniff(type, toUnit);
    if (to == null) {
      return new Scaled(v / type.defaultUnit().factor(), type.defaultUnit().name());
    }
    return new Scaled(v / to.factor(), to.name());
  }

  private static Unit sniff(UnitType type, String unit) {
    String u = unit.toLowerCase(Locale.ROOT);
    if (u.length() > 2 && u.endsWith("s")) {
      u = u.substring(0, u.length() - 1);
    }
    for (Unit candidate : type.units()) {
      if (candidate.aliases().contains(u)) {
        return candidate;
      }
    }
    return null;
  }

  /** Go's {@code %.2f}: the exact binary value rounded half to even. */
  static String fixed2(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.isNaN(v) ? "NaN" : (v > 0 ? "+Inf" : "-Inf");
    }
    String s = new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    // Go keeps the sign of a negative value that rounds to zero ("-0.00").
    return v < 0 && !s.startsWith("-") ? "-" + s : s;
  }

  /** Go's {@code %.2g} for a non-negative finite value. */
  static String goG2(double v) {
    if (v == 0) {
      return "0";
    }
    BigDecimal rounded =
        new BigDecimal(v).round(new java.math.MathContext(2, RoundingMode.HALF_EVEN));
    BigDecimal stripped = rounded.stripTrailingZeros();
    String digits = stripped.unscaledValue().toString();
    int nd = digits.length();
    int dp = nd - stripped.scale(); // value = 0.digits x 10^dp
    int exp = dp - 1;
    int eprec = 2;
    if (eprec > nd && nd >= dp) {
      eprec = nd;
    }
    if (exp < -4 || exp >= eprec) {
      StringBuilder out = new StringBuilder().append(digits.charAt(0));
      if (nd > 1) {
        out.append('.').append(digits, 1, nd);
      }
      out.append('e').append(exp < 0 ? '-' : '+');
      int e = Math.abs(exp);
      if (e < 10) {
        out.append('0');
      }
      return out.append(e).toString();
    }
    int prec = 2 > dp ? nd : 2;
    int decimals = Math.max(prec - dp, 0);
    return stripped.setScale(decimals, RoundingMode.UNNECESSARY).toPlainString();
  }
}
