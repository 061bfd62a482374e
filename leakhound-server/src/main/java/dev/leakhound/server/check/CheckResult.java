package dev.leakhound.server.check;

import dev.leakhound.server.report.ReportSummary;
import dev.leakhound.server.report.SignalVerdict;
import java.util.List;

/**
 * What {@code leakhound check} found: per target the verdict at the end of the watch and, when a
 * leak was reported during it, the culprits and goroutine groups of that report. The record is the
 * JSON shape ({@code --format json}); the keys of the contract come first.
 *
 * <p>Immutable.
 *
 * @param targets one entry per configured target
 * @param leakFound whether any target leaked (exit code 3)
 * @param durationSeconds how long the watch lasted
 */
public record CheckResult(List<TargetResult> targets, boolean leakFound, double durationSeconds) {
  public CheckResult {
    targets = List.copyOf(targets);
  }

  /**
   * One target's outcome.
   *
   * @param name the target
   * @param verdict leak, suspect, no-leak, insufficient-data, or down when it could not be scraped
   * @param culprits allocation sites that grew (from its report)
   * @param goroutineGroups goroutine groups that grew (from its report)
   * @param reportId the leak report opened during the watch, or null
   * @param pattern the named pattern, or null
   * @param summary the report's summary, or the verdicts in words
   * @param lastError why it was down, or null
   * @param signals the final verdict of each judged signal
   */
  public record TargetResult(
      String name,
      String verdict,
      List<ReportSummary.CulpritRow> culprits,
      List<ReportSummary.GroupRow> goroutineGroups,
      Long reportId,
      String pattern,
      String summary,
      String lastError,
      List<SignalVerdict> signals) {
    public TargetResult {
      culprits = List.copyOf(culprits);
      goroutineGroups = List.copyOf(goroutineGroups);
      signals = List.copyOf(signals);
    }
  }
}
