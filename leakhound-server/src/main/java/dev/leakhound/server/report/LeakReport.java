package dev.leakhound.server.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A leak report: opened when a signal of a target turns suspect, updated as evidence arrives, and
 * resolved when the signals stop growing (or the process restarts). It holds the verdicts and their
 * evidence, the allocation sites that grew, the goroutine groups that grew and where they block,
 * the named pattern and its remedy, and the time left until the limit.
 *
 * <p>Immutable. The component order is the JSON shape of {@code GET /api/v1/reports/{id}} (the list
 * endpoint returns the leading keys up to {@code goroutineGroups}, plus {@code pattern} and {@code
 * summary}).
 *
 * @param id the report id
 * @param target the target name
 * @param verdict the worst verdict of its signals: {@code leak} or {@code suspect}
 * @param openedAt when it opened (ISO-8601)
 * @param resolvedAt when it resolved (ISO-8601), or null while open
 * @param culprits allocation sites that grew, largest growth first
 * @param goroutineGroups goroutine groups that grew, largest growth first
 * @param pattern the named pattern id ({@code unbounded-map}, {@code blocked-receive}...), or null
 * @param summary the verdict and its evidence in one paragraph
 * @param state {@code open} or {@code resolved}
 * @param resolvedReason why it resolved, or empty
 * @param patternDescription what the pattern is, in words
 * @param remedy what to change in the code
 * @param timeToLimitSeconds the shortest time to a limit among the growing signals, or null
 * @param signals the verdict of every judged signal
 * @param profiles the profiles it was made from
 * @param lifetime the process lifetime it belongs to
 * @param updatedAt when it last changed (ISO-8601)
 * @param notes what could not be done (a profile endpoint absent, a capture that failed)
 */
public record LeakReport(
    long id,
    String target,
    String verdict,
    String openedAt,
    String resolvedAt,
    List<Culprit> culprits,
    List<GoroutineGrowth> goroutineGroups,
    String pattern,
    String summary,
    String state,
    String resolvedReason,
    String patternDescription,
    String remedy,
    Double timeToLimitSeconds,
    List<SignalVerdict> signals,
    ProfileRefs profiles,
    String lifetime,
    String updatedAt,
    List<String> notes) {
  public static final String OPEN = "open";
  public static final String RESOLVED = "resolved";

  public LeakReport {
    culprits = culprits == null ? List.of() : List.copyOf(culprits);
    goroutineGroups = goroutineGroups == null ? List.of() : List.copyOf(goroutineGroups);
    signals = signals == null ? List.of() : List.copyOf(signals);
    profiles = profiles == null ? ProfileRefs.NONE : profiles;
    notes = notes == null ? List.of() : List.copyOf(notes);
    resolvedReason = resolvedReason == null ? "" : resolvedReason;
  }

  @JsonIgnore
  public boolean isOpen() {
    return OPEN.equals(state);
  }

  /** This report with a new id (assigned by the store on insert). */
  public LeakReport withId(long newId) {
    return new LeakReport(
        newId,
        target,
        verdict,
        openedAt,
        resolvedAt,
        culprits,
        goroutineGroups,
        pattern,
        summary,
        state,
        resolvedReason,
        patternDescription,
        remedy,
        timeToLimitSeconds,
        signals,
        profiles,
        lifetime,
        updatedAt,
        notes);
  }

  /** This report resolved at {@code at} for {@code reason}. */
  public LeakReport resolved(String at, String reason) {
    return new LeakReport(
        id,
        target,
        verdict,
        openedAt,
        at,
        culprits,
        goroutineGroups,
        pattern,
        summary,
        RESOLVED,
        reason,
        patternDescription,
        remedy,
        timeToLimitSeconds,
        signals,
        profiles,
        lifetime,
        at,
        notes);
  }
}
