package dev.leakhound.analysis.jvm;

import dev.leakhound.analysis.render.Renderer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * {@link HistogramGrowth} as text for a terminal: the suspects with their pattern, remedy and what
 * grows with them, then the classes that grew most.
 *
 * <p>Stateless and thread-safe.
 */
public final class HistogramGrowthTextRenderer implements Renderer<HistogramGrowth> {
  private final int topRows;

  /** Shows the {@code topRows} classes that grew most (the JSON form lists them all). */
  public HistogramGrowthTextRenderer(int topRows) {
    if (topRows < 0) {
      throw new IllegalArgumentException("topRows must be >= 0");
    }
    this.topRows = topRows;
  }

  @Override
  public String contentType() {
    return "text/plain; charset=utf-8";
  }

  @Override
  public void write(HistogramGrowth g, OutputStream out) throws IOException {
    PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
    List<String> sources = g.sources();
    w.printf(
        Locale.ROOT,
        "Class histogram growth over %d histograms (%s .. %s): %s instances, %s%n",
        g.histograms(),
        sources.get(0),
        sources.get(sources.size() - 1),
        Units.countDelta(g.totalInstancesDelta()),
        Units.bytesDelta(g.totalBytesDelta()));
    w.println(g.note());
    w.println();
    if (g.suspects().isEmpty()) {
      w.println("No leak suspects: no class grew steadily by a noticeable amount.");
    } else {
      w.println("Leak suspects");
      int rank = 1;
      for (GrowthSuspect s : g.suspects()) {
        suspect(w, rank++, s);
      }
    }
    w.println();
    int shown = Math.min(topRows, g.rows().size());
    if (shown > 0) {
      w.println("Classes that grew most");
      w.printf(Locale.ROOT, "  %12s  %12s  %s%n", "bytes", "instances", "class");
      for (GrowthRow r : g.rows().subList(0, shown)) {
        String tie =
            r.growsWith() == null
                ? ""
                : String.format(
                    Locale.ROOT,
                    "  (%.1f per %s)",
                    r.growsWithRatio(),
                    JvmClassNames.displayName(r.growsWith()));
        w.printf(
            Locale.ROOT,
            "  %12s  %12s  %s%s%n",
            Units.bytesDelta(r.bytesDelta()),
            Units.countDelta(r.instancesDelta()),
            r.className(),
            tie);
      }
    }
    if (g.rows().size() > shown) {
      w.printf(
          Locale.ROOT,
          "  ... %d more classes changed (--top N shows more, --format json lists all)%n",
          g.rows().size() - shown);
    }
    w.flush();
  }

  private static void suspect(PrintWriter w, int rank, GrowthSuspect s) {
    w.printf(
        Locale.ROOT,
        "  %d. %s  %s instances, %s (%s with what grows with it)%n",
        rank,
        s.className(),
        Units.countDelta(s.instancesDelta()),
        Units.bytesDelta(s.bytesDelta()),
        Units.bytesDelta(s.attributedBytesDelta()));
    w.printf(
        Locale.ROOT,
        "     grew in %d of %d intervals, growth score %.2f%s%n",
        s.growingIntervals(),
        s.intervals(),
        s.score(),
        "jdk".equals(s.origin()) ? " (a JDK class: no application class grew)" : "");
    w.printf(
        Locale.ROOT,
        "     pattern: %s: %s (%s)%n",
        s.pattern().id(),
        s.description(),
        s.patternReason());
    w.printf(Locale.ROOT, "     remedy: %s%n", s.remedy());
    if (!s.coGrowing().isEmpty()) {
      StringBuilder b = new StringBuilder();
      for (CoGrowth c : s.coGrowing()) {
        if (b.length() > 0) {
          b.append(", ");
        }
        b.append(
            String.format(
                Locale.ROOT,
                "%s %.1f each (%s)",
                JvmClassNames.displayName(c.className()),
                c.ratio(),
                Units.bytesDelta(c.bytesDelta())));
      }
      w.printf(Locale.ROOT, "     grows with it: %s%n", b);
    }
  }
}
