package dev.leakhound.server.report;

import dev.leakhound.analysis.render.Renderer;
import dev.leakhound.server.config.Units;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A leak report as text for a terminal: the summary paragraph, then the allocation sites that grew,
 * the goroutine groups that grew, the pattern and its remedy, and the profiles to download.
 *
 * <p>Stateless and thread-safe.
 */
public final class LeakReportTextRenderer implements Renderer<LeakReport> {
  private final String baseUrl;

  /** {@code baseUrl} prefixes download links; null leaves them relative. */
  public LeakReportTextRenderer(String baseUrl) {
    this.baseUrl = baseUrl == null ? "" : baseUrl;
  }

  @Override
  public String contentType() {
    return "text/plain; charset=utf-8";
  }

  @Override
  public void write(LeakReport r, OutputStream out) throws IOException {
    PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
    write(r, w, "");
    w.flush();
  }

  /** Writes {@code r} to {@code w}, each line indented by {@code indent}. */
  public void write(LeakReport r, PrintWriter w, String indent) {
    w.printf(
        "%sReport %d: %s %s (%s, opened %s)%n",
        indent, r.id(), r.target(), r.verdict().toUpperCase(Locale.ROOT), r.state(), r.openedAt());
    for (String line : wrap(r.summary(), 96)) {
      w.println(indent + "  " + line);
    }
    if (!r.culprits().isEmpty()) {
      w.println(indent + "  Allocation sites that grew (in-use bytes since the baseline):");
      for (Culprit c : r.culprits()) {
        w.printf(
            "%s    %10s  %5.1f%%  %s%n%s                      %s%n",
            indent,
            "+" + Units.formatBytes(c.growthBytes()),
            100 * c.share(),
            c.function(),
            indent,
            location(c.file(), c.line()));
      }
    }
    if (!r.goroutineGroups().isEmpty()) {
      w.println(indent + "  Goroutine groups that grew (where they block):");
      for (GoroutineGrowth g : r.goroutineGroups()) {
        w.printf(
            "%s    %7d (%+d)  %s [%s%s]%n",
            indent,
            g.count(),
            g.growth(),
            g.function(),
            g.state(),
            g.maxWaitMinutes() == null || g.maxWaitMinutes() == 0
                ? ""
                : ", " + g.maxWaitMinutes() + " min");
        if (g.location() != null) {
          w.printf(
              "%s                     at %s%s%n",
              indent, g.location(), g.createdBy() == null ? "" : ", started by " + g.createdBy());
        }
      }
    }
    if (r.pattern() != null && !r.pattern().equals("unknown")) {
      w.printf("%s  Pattern: %s: %s%n", indent, r.pattern(), r.patternDescription());
    }
    for (String line : wrap("Fix: " + r.remedy(), 96)) {
      w.println(indent + "  " + line);
    }
    ProfileRefs p = r.profiles();
    if (p.currentHeap() != null) {
      w.printf("%s  Profiles: %s/api/v1/profiles/%d (heap now)", indent, baseUrl, p.currentHeap());
      if (p.baselineHeap() != null) {
        w.printf(", %s/api/v1/profiles/%d (baseline)", baseUrl, p.baselineHeap());
      }
      w.println();
      if (p.heapDiff() != null) {
        w.printf(
            "%s  Heap diff: %s/api/v1/profiles/%d (go tool pprof -top FILE after downloading it)%n",
            indent, baseUrl, p.heapDiff());
      }
    }
    for (String note : r.notes()) {
      w.println(indent + "  Note: " + note);
    }
  }

  private static String location(String file, long line) {
    return line > 0 ? file + ":" + line : file;
  }

  static java.util.List<String> wrap(String text, int width) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
