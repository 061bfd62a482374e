package dev.leakhound.analysis.trend.eval;

import dev.leakhound.analysis.render.Renderer;
import dev.leakhound.analysis.trend.Quantities;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Writes an {@link EvaluationReport} as tables: one row per series (time from the leak start to
 * each rule's first alert, or where a rule alerted falsely), one row per rule, then the targets.
 *
 * <p>Stateless and thread-safe.
 */
public final class EvaluationTextRenderer implements Renderer<EvaluationReport> {
  @Override
  public String contentType() {
    return "text/plain; charset=utf-8";
  }

  @Override
  public void write(EvaluationReport r, OutputStream out) throws IOException {
    PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    w.printf(
        Locale.ROOT,
        "%-34s %-5s %7s %7s %9s %9s %9s %9s  %s%n",
        "series",
        "truth",
        "rate/h",
        "length",
        "leakhound",
        "suspect",
        "threshold",
        "pred.lin",
        "final verdict");
    for (SeriesResult s : r.series()) {
      w.printf(
          Locale.ROOT,
          "%-34s %-5s %7s %7s %9s %9s %9s %9s  %s%n",
          s.name(),
          s.leak() ? "leak" : "no",
          s.relativeRatePerHour() == null
              ? "-"
              : String.format(Locale.ROOT, "%.0f%%", 100 * s.relativeRatePerHour()),
          Quantities.duration(s.durationSeconds()),
          cell(s.leakhound()),
          cell(s.suspect()),
          cell(s.threshold()),
          cell(s.predictLinear()),
          s.finalVerdict());
    }
    w.println();
    w.println(
        "cells: time from the leak start to the first alert; '-' none; 'FP 12m' an alert"
            + " without a leak (or before it began), 12m after the series start; '40m FP' found"
            + " after such a false alarm");
    w.println();
    w.printf(
        Locale.ROOT,
        "%-20s %6s %8s %12s %9s %7s %12s %16s%n",
        "rule",
        "leaks",
        "found",
        "false alarms",
        "precision",
        "recall",
        "median TTD",
        "median (found)");
    for (RuleSummary s : r.rules()) {
      w.printf(
          Locale.ROOT,
          "%-20s %6d %8d %12d %9.2f %7.2f %12s %16s%n",
          s.rule(),
          s.leakSeries(),
          s.detected(),
          s.falseAlarmSeries(),
          s.precision(),
          s.recall(),
          s.medianTimeToDetectSeconds() == null
              ? "never"
              : Quantities.duration(s.medianTimeToDetectSeconds()),
          s.medianDetectedSeconds() == null ? "-" : Quantities.duration(s.medianDetectedSeconds()));
    }
    w.println();
    EvaluationTargets t = r.targets();
    w.println("targets");
    w.println(
        "  no false leak verdicts:               "
            + (t.falseLeakSeries().isEmpty() ? "met" : "MISSED on " + t.falseLeakSeries()));
    w.println(
        "  leaks >= 2%/h found within 2h:        "
            + (t.missedFastLeaks().isEmpty() ? "met" : "MISSED on " + t.missedFastLeaks()));
    w.println(
        "  median TTD 3x shorter than threshold: "
            + (t.medianRatio() == null
                ? "met (the threshold rule misses more than half the leaks)"
                : String.format(
                    Locale.ROOT,
                    "%s (%.1fx)",
                    t.medianRatio() >= 3 ? "met" : "MISSED",
                    t.medianRatio()))
            + (t.pairedMedianRatio() == null
                ? ""
                : String.format(
                    Locale.ROOT, "; %.1fx on the leaks both found", t.pairedMedianRatio())));
    w.println("  all targets: " + (t.met() ? "met" : "MISSED"));
    w.flush();
  }

  private static String cell(RuleOutcome o) {
    if (o.detected()) {
      return Quantities.duration(o.timeToDetectSeconds()) + (o.falseAlarm() ? " FP" : "");
    }
    if (o.falseAlarm()) {
      return "FP " + Quantities.duration(o.firstAlarmSeconds());
    }
    return "-";
  }
}
