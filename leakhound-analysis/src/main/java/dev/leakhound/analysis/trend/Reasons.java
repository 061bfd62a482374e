package dev.leakhound.analysis.trend;

import static dev.leakhound.analysis.trend.Quantities.duration;
import static dev.leakhound.analysis.trend.Quantities.pValue;

import java.util.Locale;

/**
 * The plain-language reason of a verdict: one or two sentences per {@link Decision.Finding}, with
 * the numbers that back it. Package-private; stateless and thread-safe.
 */
final class Reasons {
  private Reasons() {}

  /** What a reason may quote. */
  record Facts(
      String floor,
      SignalKind.Unit unit,
      TrendOptions options,
      TrendTest test,
      double span,
      double minimum,
      int steps,
      PlateauCheck plateau,
      LoadCheck load,
      double secondsToLimit) {}

  static String of(Decision.Finding finding, Facts f) {
    String rate = rateWithInterval(f.test(), f.options(), f.unit());
    String over = " over the last " + duration(f.span());
    String p = pValue(f.test().pValue());
    return switch (finding) {
      case STEPS ->
          "Leaking in steps: "
              + f.floor()
              + " went up in "
              + f.steps()
              + " steps and never down"
              + over
              + ", "
              + rate
              + ".";
      case LEVELLED_OFF ->
          "No leak: "
              + f.floor()
              + " rose "
              + Quantities.perHour(f.test().slopePerHour(), f.unit())
              + over
              + ", but has levelled off over the last "
              + duration(f.plateau().windowSeconds())
              + " ("
              + rateWithInterval(f.plateau().recent(), f.options(), f.unit())
              + "): a cache or pool warming up.";
      case SLOWING ->
          "Suspect: "
              + f.floor()
              + " grows "
              + rate
              + over
              + ", but the last "
              + duration(f.plateau().windowSeconds())
              + " grew only "
              + Quantities.perHour(f.plateau().recent().slopePerHour(), f.unit())
              + ": it may still be warming up.";
      case ROSE_WITH_LOAD ->
          "Suspect: "
              + f.floor()
              + " grows "
              + rate
              + over
              + ", but the request rate rose the"
              + " whole time, so load and a leak cannot be told apart yet; they can once the load"
              + " falls.";
      case TOO_SOON ->
          "Suspect: "
              + f.floor()
              + " grows "
              + rate
              + over
              + "; growth must last "
              + duration(f.options().minimumLeakSeconds())
              + " before it is called a leak (a cache"
              + " filling up looks the same until it stops).";
      case FAR_FROM_LIMIT ->
          "No leak worth paging: "
              + f.floor()
              + " grows "
              + rate
              + over
              + ", but at this pace it"
              + " would need "
              + duration(f.secondsToLimit())
              + " to reach the limit (more than "
              + duration(f.options().limitHorizonSeconds())
              + ").";
      case LEAK ->
          "Leaking: "
              + f.floor()
              + " grows "
              + rate
              + ", Mann-Kendall "
              + p
              + " after correcting for autocorrelation,"
              + over
              + (f.load().outcome() == LoadCheck.Outcome.PERSISTS_UNDER_LOAD
                  ? ", and keeps growing once the request rate is accounted for ("
                      + Quantities.amount(f.load().perRequest(), f.unit())
                      + " kept per request)"
                  : "")
              + ".";
      case MAYBE ->
          "Suspect: "
              + f.floor()
              + " may be growing ("
              + rate
              + ", "
              + p
              + over
              + "); not conclusive yet.";
      case FOLLOWS_LOAD ->
          String.format(
              Locale.ROOT,
              "No leak: %s follows the request rate (correlation %.2f) and, adjusted for it, does"
                  + " not grow (%s).",
              f.floor(),
              f.load().floorRateCorrelation() == null ? 0.0 : f.load().floorRateCorrelation(),
              rate);
      case BELOW_MINIMUM ->
          "No leak worth reporting: "
              + f.floor()
              + " grows "
              + rate
              + over
              + ", below the practical minimum of "
              + Quantities.perHour(f.minimum(), f.unit())
              + ".";
      case NO_GROWTH ->
          "No leak: no significant growth of " + f.floor() + over + " (" + rate + ", " + p + ").";
    };
  }

  /** The limit sentence appended to leak and suspect reasons. */
  static String limit(double limit, SignalKind.Unit unit, double ttl, double low, Double high) {
    return " At this pace it reaches the "
        + Quantities.amount(limit, unit)
        + " limit in about "
        + duration(ttl)
        + (high != null
            ? " (" + duration(low) + " to " + duration(high) + ")"
            : " (at the soonest " + duration(low) + ")")
        + ".";
  }

  static String rateWithInterval(TrendTest test, TrendOptions o, SignalKind.Unit unit) {
    return String.format(
        Locale.ROOT,
        "%s, %.0f%% interval %s to %s",
        Quantities.perHour(test.slopePerHour(), unit),
        o.confidenceLevel() * 100,
        Quantities.amount(test.slopeLowPerHour(), unit),
        Quantities.perHour(test.slopeHighPerHour(), unit));
  }
}
