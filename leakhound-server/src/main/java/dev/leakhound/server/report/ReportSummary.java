package dev.leakhound.server.report;

import java.util.List;

/**
 * One row of {@code GET /api/v1/reports}: the keys scripts rely on ({@code id}, {@code target},
 * {@code verdict}, {@code openedAt}, {@code resolvedAt}, {@code culprits}, {@code
 * goroutineGroups}), then the pattern, the state and the one-paragraph summary.
 *
 * <p>Immutable. The component order is the JSON shape.
 */
public record ReportSummary(
    long id,
    String target,
    String verdict,
    String openedAt,
    String resolvedAt,
    List<CulpritRow> culprits,
    List<GroupRow> goroutineGroups,
    String pattern,
    String state,
    String summary) {
  /** A culprit as the list shows it. */
  public record CulpritRow(String function, String file, long line, long growthBytes) {}

  /** A goroutine group as the list shows it. */
  public record GroupRow(String function, String state, long count, long growth) {}

  /** The summary of {@code r}. */
  public static ReportSummary of(LeakReport r) {
    return new ReportSummary(
        r.id(),
        r.target(),
        r.verdict(),
        r.openedAt(),
        r.resolvedAt(),
        r.culprits().stream()
            .map(c -> new CulpritRow(c.function(), c.file(), c.line(), c.growthBytes()))
            .toList(),
        r.goroutineGroups().stream()
            .map(g -> new GroupRow(g.function(), g.state(), g.count(), g.growth()))
            .toList(),
        r.pattern(),
        r.state(),
        r.summary());
  }
}
