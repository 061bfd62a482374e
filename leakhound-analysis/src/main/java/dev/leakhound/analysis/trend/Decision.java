package dev.leakhound.analysis.trend;

import static dev.leakhound.analysis.trend.Quantities.duration;

import dev.leakhound.analysis.trend.stats.Normal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the statistics and the guards' outcomes into a {@link Verdict} with its confidence, time to
 * the limit and reason. Package-private; stateless and thread-safe.
 */
final class Decision {
  private Decision() {}

  /** What the statistics and guards found, in the order they are checked. */
  enum Finding {
    STEPS(VerdictKind.LEAK),
    LEVELLED_OFF(VerdictKind.NO_LEAK),
    SLOWING(VerdictKind.SUSPECT),
    ROSE_WITH_LOAD(VerdictKind.SUSPECT),
    TOO_SOON(VerdictKind.SUSPECT),
    FAR_FROM_LIMIT(VerdictKind.NO_LEAK),
    LEAK(VerdictKind.LEAK),
    MAYBE(VerdictKind.SUSPECT),
    FOLLOWS_LOAD(VerdictKind.NO_LEAK),
    BELOW_MINIMUM(VerdictKind.NO_LEAK),
    NO_GROWTH(VerdictKind.NO_LEAK);

    final VerdictKind kind;

    Finding(VerdictKind kind) {
      this.kind = kind;
    }
  }

  static Verdict insufficient(
      TrendInput in,
      TrendOptions o,
      TrendAnalyzer.Evidence e,
      int points,
      double span,
      int afterWarmUp) {
    String where =
        e.regime().cause() != null
            ? "since the " + e.regime().cause()
            : e.life().restarts() > 0 ? "since the last restart" : "so far";
    String reason =
        String.format(
            Locale.ROOT,
            "Not enough data yet: %d floor point%s over %s %s, after a %s warm-up; the verdict"
                + " needs %d points over at least %s.",
            points,
            points == 1 ? "" : "s",
            duration(span),
            where,
            duration(o.warmUpSeconds()),
            o.minimumPoints(),
            duration(o.minimumSpanSeconds()));
    if (in.size() == 0) {
      reason = "Not enough data yet: the series has no samples.";
    }
    TrendEvidence evidence =
        evidence(in, e, null, afterWarmUp, points, null, null, null, null, null, null, null);
    return new Verdict(
        VerdictKind.INSUFFICIENT_DATA,
        0,
        null,
        null,
        null,
        null,
        null,
        null,
        reason,
        in.kind(),
        unit(in),
        limit(in),
        evidence);
  }

  static Verdict decide(
      TrendInput in,
      TrendOptions o,
      TrendAnalyzer.Evidence e,
      double[] t,
      WindowStats.Fit whole,
      WindowStats.Fit basis,
      double pacePerSecond,
      LoadCheck loadCheck,
      PlateauGuard.Result plateau) {
    SignalKind.Unit unit = in.kind().unit();
    double startLevel = whole.levelAtStart();
    double now = in.time(in.size() - 1);
    double current = whole.levelAt(now);
    double minimum = o.minimumGrowth(in.kind()).perHour(startLevel);
    TrendTest test = basis.test();
    double slope = test.slopePerHour();
    boolean big = slope >= minimum;
    boolean grows = test.grows(o.leakAlpha());
    boolean maybe = test.pValue() < o.suspectAlpha() && slope > 0;
    PlateauCheck.Outcome pl = plateau.check().outcome();
    LoadCheck.Outcome lo = loadCheck.outcome();
    double span = t[t.length - 1] - t[0];
    Finding finding;
    if (e.regime().steps() >= 3
        && slope > 0
        && big
        && span >= o.minimumLeakSeconds()
        && test.pValue() < o.suspectAlpha()) {
      finding = Finding.STEPS;
    } else if (grows && big && pl == PlateauCheck.Outcome.LEVELLED_OFF) {
      finding = Finding.LEVELLED_OFF;
    } else if (grows && big && pl == PlateauCheck.Outcome.SLOWING) {
      finding = Finding.SLOWING;
    } else if (grows && big && lo == LoadCheck.Outcome.ROSE_WITH_LOAD) {
      finding = Finding.ROSE_WITH_LOAD;
    } else if (grows && big && span < o.minimumLeakSeconds()) {
      finding = Finding.TOO_SOON;
    } else if (grows
        && big
        && !Double.isNaN(in.limit())
        && secondsToLimit(in, current, pacePerSecond) > o.limitHorizonSeconds()) {
      finding = Finding.FAR_FROM_LIMIT;
    } else if (grows && big) {
      finding = Finding.LEAK;
    } else if (maybe && big && pl != PlateauCheck.Outcome.LEVELLED_OFF) {
      finding = Finding.MAYBE;
    } else if (lo == LoadCheck.Outcome.FOLLOWS_LOAD && whole.test().grows(o.suspectAlpha())) {
      finding = Finding.FOLLOWS_LOAD;
    } else if (grows) {
      finding = Finding.BELOW_MINIMUM;
    } else {
      finding = Finding.NO_GROWTH;
    }
    VerdictKind kind = finding.kind;
    TrendTest confidenceBasis = finding == Finding.LEVELLED_OFF ? plateau.check().recent() : test;
    String reason =
        Reasons.of(
            finding,
            new Reasons.Facts(
                "the " + in.kind().description() + " floor",
                unit,
                o,
                test,
                span,
                minimum,
                e.regime().steps(),
                plateau.check(),
                loadCheck,
                secondsToLimit(in, current, pacePerSecond)));
    double confidence;
    if (kind == VerdictKind.NO_LEAK) {
      confidence = belowMinimum(confidenceBasis, minimum, o);
    } else {
      confidence = 1 - test.pValue();
    }
    Double ttl = null;
    Double ttlLow = null;
    Double ttlHigh = null;
    double limit = in.limit();
    if (kind != VerdictKind.NO_LEAK && !Double.isNaN(limit) && pacePerSecond > 0) {
      // At today's pace: the slope, scaled to today's request rate when growth is per request.
      double scale = pacePerSecond / basis.slope();
      double room = Math.max(0, limit - current);
      ttl = room / (test.slopePerHour() * scale) * 3600;
      ttlLow = room / (Math.max(test.slopeHighPerHour(), test.slopePerHour()) * scale) * 3600;
      ttlHigh = test.slopeLowPerHour() > 0 ? room / (test.slopeLowPerHour() * scale) * 3600 : null;
      reason += Reasons.limit(limit, unit, ttl, ttlLow, ttlHigh);
    }
    double relative = startLevel > 0 ? slope / startLevel : Double.NaN;
    TrendEvidence evidence =
        evidence(
            in,
            e,
            t[0],
            -1,
            t.length,
            startLevel,
            current,
            whole.test(),
            relative,
            minimum,
            plateau.check(),
            loadCheck);
    return new Verdict(
        kind,
        round(confidence),
        test.slopePerHour(),
        test.slopeLowPerHour(),
        test.slopeHighPerHour(),
        ttl,
        ttlLow,
        ttlHigh,
        reason,
        in.kind(),
        unit(in),
        limit(in),
        evidence);
  }

  /** Seconds until the floor reaches the limit at {@code pace}; infinite without either. */
  private static double secondsToLimit(TrendInput in, double current, double pace) {
    double limit = in.limit();
    if (Double.isNaN(limit) || !(pace > 0)) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.max(0, limit - current) / pace;
  }

  /** How sure the growth is below the minimum, from the slope's interval read as normal. */
  private static double belowMinimum(TrendTest test, double minimum, TrendOptions o) {
    double z = Normal.quantile(1 - (1 - o.confidenceLevel()) / 2);
    double se = (test.slopeHighPerHour() - test.slopeLowPerHour()) / (2 * z);
    if (!(se > 0)) {
      return test.slopePerHour() < minimum ? 1 : 0;
    }
    return Normal.cdf((minimum - test.slopePerHour()) / se);
  }

  private static TrendEvidence evidence(
      TrendInput in,
      TrendAnalyzer.Evidence e,
      Double segmentStart,
      int floorPoints,
      int statisticPoints,
      Double startLevel,
      Double current,
      TrendTest trend,
      Double relative,
      Double minimum,
      PlateauCheck plateauCheck,
      LoadCheck loadCheck) {
    List<Double> changes = new ArrayList<>();
    for (double c : e.regime().changeTimes()) {
      changes.add(c);
    }
    int judgedFloor = 0;
    double from = segmentStart == null ? Double.NEGATIVE_INFINITY : segmentStart;
    for (double ft : e.floor().times()) {
      if (ft >= from) {
        judgedFloor++;
      }
    }
    PlateauCheck plateau =
        plateauCheck != null
            ? plateauCheck
            : new PlateauCheck(PlateauCheck.Outcome.NOT_CHECKED, 0, null);
    LoadCheck load = loadCheck != null ? loadCheck : LoadCheck.none();
    return new TrendEvidence(
        in.size(),
        e.life().restarts(),
        segmentStart,
        in.size() == 0 ? null : in.time(in.size() - 1),
        e.cause(),
        e.warmUpSkipped(),
        changes,
        e.floor().method(),
        finite(e.floor().windowSeconds()),
        finite(e.floor().gcPeriodSeconds()),
        floorPoints >= 0 ? floorPoints : judgedFloor,
        statisticPoints,
        startLevel,
        current,
        trend,
        relative == null ? null : finite(relative),
        minimum,
        plateau,
        load);
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static double round(double v) {
    return Math.max(0, Math.min(1, Math.round(v * 10000) / 10000.0));
  }

  private static String unit(TrendInput in) {
    return in.kind().unit() == SignalKind.Unit.BYTES ? "bytes" : "count";
  }

  private static Double limit(TrendInput in) {
    return Double.isNaN(in.limit()) ? null : in.limit();
  }
}
