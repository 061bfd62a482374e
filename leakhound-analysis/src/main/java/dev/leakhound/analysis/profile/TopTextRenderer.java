package dev.leakhound.analysis.profile;

import dev.leakhound.analysis.render.Renderer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Renders a {@link TopReport} as {@code go tool pprof -top} prints it: the profile labels, {@code
 * Showing nodes accounting for ...}, the dropped-nodes and top-N lines, then the {@code flat flat%
 * sum% cum cum%} table with values in one unit chosen as pprof chooses it.
 *
 * <p>Stateless; thread-safe.
 */
public final class TopTextRenderer implements Renderer<TopReport> {
  @Override
  public String contentType() {
    return "text/plain; charset=utf-8";
  }

  @Override
  public void write(TopReport r, OutputStream out) throws IOException {
    PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    w.print(render(r));
    w.flush();
  }

  /** The text, ending with a newline. */
  public static String render(TopReport r) {
    StringBuilder s = new StringBuilder();
    for (String line : r.headerLines()) {
      s.append(line).append('\n');
    }
    if (!r.activeFilters().isEmpty()) {
      s.append("Active filters:\n");
      for (String f : r.activeFilters()) {
        s.append("   ").append(f.length() > 80 ? f.substring(0, 80) + "…" : f).append('\n');
      }
    }
    s.append("Showing nodes accounting for ")
        .append(format(r, r.shown()))
        .append(", ")
        .append(Measurement.percentage(r.shown(), r.total()).strip())
        .append(" of ")
        .append(format(r, r.total()))
        .append(" total\n");
    if (r.total() != 0) {
      if (r.droppedNodes() > 0) {
        long cutoff = Math.abs((long) ((double) r.total() * r.nodeFraction()));
        s.append("Dropped ")
            .append(r.droppedNodes())
            .append(r.droppedNodes() > 1 ? " nodes" : " node")
            .append(" (cum <= ")
            .append(format(r, cutoff))
            .append(")\n");
      }
      if (r.nodeCount() > 0 && r.nodeCount() < r.nodesBeforeLimit()) {
        s.append("Showing top ")
            .append(r.nodeCount())
            .append(" nodes out of ")
            .append(r.nodesBeforeLimit())
            .append('\n');
      }
    }
    s.append(
        String.format(
            Locale.ROOT, "%10s %5s%% %5s%% %10s %5s%%\n", "flat", "flat", "sum", "cum", "cum"));
    long flatSum = 0;
    for (TopRow row : r.rows()) {
      flatSum += row.flat();
      s.append(String.format(Locale.ROOT, "%10s", format(r, row.flat())))
          .append(' ')
          .append(Measurement.percentage(row.flat(), r.total()))
          .append(' ')
          .append(Measurement.percentage(flatSum, r.total()))
          .append(' ')
          .append(String.format(Locale.ROOT, "%10s", format(r, row.cum())))
          .append(' ')
          .append(Measurement.percentage(row.cum(), r.total()))
          .append("  ")
          .append(row.name())
          .append(row.inlineLabel().isEmpty() ? "" : " " + row.inlineLabel())
          .append('\n');
    }
    return s.toString();
  }

  private static String format(TopReport r, long value) {
    return Measurement.scaledLabel(value, r.unit(), r.outputUnit());
  }
}
