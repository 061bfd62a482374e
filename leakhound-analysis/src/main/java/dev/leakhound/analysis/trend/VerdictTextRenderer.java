package dev.leakhound.analysis.trend;

import dev.leakhound.analysis.render.Renderer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes a {@link Verdict} for people: the verdict and its reason first, then the evidence one line
 * per step (judged window, floor, test, slope, guards).
 *
 * <p>Stateless and thread-safe.
 */
public final class VerdictTextRenderer implements Renderer<Verdict> {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  @Override
  public String contentType() {
    return "text/plain; charset=utf-8";
  }

  @Override
  public void write(Verdict v, OutputStream out) throws IOException {
    PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
    SignalKind.Unit unit = v.signal().unit();
    w.printf(Locale.ROOT, "%s (confidence %.3f)%n", v.verdict().id(), v.confidence());
    w.println(v.reason());
    w.println();
    TrendEvidence e = v.evidence();
    w.println("evidence");
    row(
        w,
        "signal",
        v.signal().id()
            + " ("
            + v.signal().description()
            + ")"
            + (v.limit() == null ? "" : ", limit " + Quantities.amount(v.limit(), unit)));
    row(
        w,
        "samples",
        e.samples()
            + ", "
            + e.restarts()
            + " restart"
            + (e.restarts() == 1 ? "" : "s")
            + ", warm-up skipped "
            + Quantities.duration(e.warmUpSkippedSeconds()));
    if (e.segmentStart() != null && e.segmentEnd() != null) {
      row(
          w,
          "judged",
          TIME.format(instant(e.segmentStart()))
              + " to "
              + TIME.format(instant(e.segmentEnd()))
              + " ("
              + Quantities.duration(e.segmentEnd() - e.segmentStart())
              + "), since the "
              + e.segmentCause());
    }
    String floor = e.floorMethod() + ": " + e.floorPoints() + " points";
    if (e.floorWindowSeconds() != null) {
      floor += ", window " + Quantities.duration(e.floorWindowSeconds());
    }
    if (e.gcPeriodSeconds() != null) {
      floor += ", a collection about every " + Quantities.duration(e.gcPeriodSeconds());
    }
    if (e.statisticPoints() < e.floorPoints()) {
      floor += "; statistics on " + e.statisticPoints() + " block medians";
    }
    row(w, "floor", floor);
    if (!e.changePoints().isEmpty()) {
      StringBuilder changes = new StringBuilder();
      for (double c : e.changePoints()) {
        changes.append(changes.length() == 0 ? "" : ", ").append(TIME.format(instant(c)));
      }
      row(w, "changes", changes.toString());
    }
    TrendTest t = e.trend();
    if (t != null) {
      row(
          w,
          "trend",
          String.format(
              Locale.ROOT,
              "Mann-Kendall S %d, tau %.3f, variance x%.2f for autocorrelation, z %.2f, %s",
              t.s(),
              t.tau(),
              t.varianceFactor(),
              t.z(),
              Quantities.pValue(t.pValue())));
      row(
          w,
          "slope",
          "Theil-Sen "
              + rate(t, unit)
              + (e.minimumGrowthPerHour() == null
                  ? ""
                  : "; worth reporting from "
                      + Quantities.perHour(e.minimumGrowthPerHour(), unit)));
      if (e.startLevel() != null && e.currentLevel() != null) {
        row(
            w,
            "level",
            Quantities.amount(e.startLevel(), unit)
                + " at the start, "
                + Quantities.amount(e.currentLevel(), unit)
                + " now");
      }
    }
    PlateauCheck p = e.plateau();
    row(
        w,
        "plateau",
        p.outcome().id()
            + (p.recent() == null
                ? ""
                : ": the last "
                    + Quantities.duration(p.windowSeconds())
                    + " grew "
                    + rate(p.recent(), unit)));
    LoadCheck l = e.load();
    String load = l.outcome().id();
    if (l.meanRatePerSecond() != null) {
      load +=
          String.format(
              Locale.ROOT,
              ": %.1f requests/s on average (variation %.0f%%)",
              l.meanRatePerSecond(),
              100 * l.rateVariation());
    }
    if (l.adjusted() != null) {
      load += "; adjusted for the rate the floor grows " + rate(l.adjusted(), unit);
    }
    row(w, "load", load);
    if (v.timeToLimitSeconds() != null) {
      row(
          w,
          "limit in",
          Quantities.duration(v.timeToLimitSeconds())
              + " ("
              + Quantities.duration(v.timeToLimitLowSeconds())
              + " to "
              + (v.timeToLimitHighSeconds() == null
                  ? "never"
                  : Quantities.duration(v.timeToLimitHighSeconds()))
              + ")");
    }
    w.flush();
  }

  private static String rate(TrendTest t, SignalKind.Unit unit) {
    return Quantities.perHour(t.slopePerHour(), unit)
        + " ("
        + Quantities.amount(t.slopeLowPerHour(), unit)
        + " to "
        + Quantities.perHour(t.slopeHighPerHour(), unit)
        + ")";
  }

  private static void row(PrintWriter w, String name, String value) {
    w.printf(Locale.ROOT, "  %-9s %s%n", name, value);
  }

  private static Instant instant(double unixSeconds) {
    return Instant.ofEpochMilli(Math.round(unixSeconds * 1000));
  }
}
