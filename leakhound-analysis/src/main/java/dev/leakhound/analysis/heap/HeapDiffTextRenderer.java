package dev.leakhound.analysis.heap;

import dev.leakhound.analysis.render.Renderer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Renders a {@link HeapDiffReport} for people: the classes that grew, the dominator paths that
 * grew, then the later dump's suspects.
 *
 * <p>Stateless and thread-safe.
 */
public final class HeapDiffTextRenderer implements Renderer<HeapDiffReport> {
  @Override
  public String contentType() {
    return "text/plain; charset=utf-8";
  }

  @Override
  public void write(HeapDiffReport r, OutputStream out) throws IOException {
    PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    w.printf("Heap growth from %s to %s%n", r.base(), r.current());
    if (r.partial()) {
      w.println("PARTIAL RESULT: a dump ends early; only what precedes the cut was compared");
    }
    w.printf(
        Locale.ROOT,
        "objects %+,d, reachable heap %s%s%n%n",
        r.objectsDelta(),
        r.reachableBytesDelta() >= 0 ? "+" : "",
        Bytes.format(r.reachableBytesDelta()));
    w.println("Classes that grew (shallow bytes)");
    w.printf("%12s %12s  %s%n", "bytes", "instances", "class");
    for (HeapDiffReport.ClassGrowth c : r.classes()) {
      w.printf(
          Locale.ROOT,
          "%12s %12s  %s%n",
          "+" + Bytes.format(c.bytesDelta()),
          String.format(Locale.ROOT, "%+,d", c.instancesDelta()),
          c.className());
    }
    w.println();
    w.println("Dominator paths that grew (retained bytes)");
    for (HeapDiffReport.PathGrowth p : r.dominators()) {
      w.printf(
          Locale.ROOT,
          "%12s  %s (%s -> %s)%n",
          "+" + Bytes.format(p.retainedDelta()),
          p.className(),
          Bytes.format(p.retainedBase()),
          Bytes.format(p.retainedCurrent()));
      w.printf("%14s%s%n", "", String.join(" -> ", p.pathToRoot()));
    }
    w.println();
    if (r.suspects().isEmpty()) {
      w.println("Leak suspects in the later dump: none");
    } else {
      w.println("Leak suspects in the later dump");
      int i = 1;
      for (HeapReport.Suspect s : r.suspects()) {
        w.printf("%2d. %s%n", i++, s.description());
        w.printf("    pattern: %s: %s%n", s.pattern().id(), s.remedy());
        HeapReportTextRenderer.path(w, s.pathToRoot(), "      ");
      }
    }
    w.flush();
  }
}
