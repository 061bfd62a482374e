package dev.leakhound.analysis.heap;

import dev.leakhound.analysis.render.Renderer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link HeapReport} for people: the suspects first (what leaks, where it piles up, the
 * path from its GC root, the pattern and its remedy), then the biggest dominators, the GC roots and
 * the class histogram.
 *
 * <p>Stateless and thread-safe.
 */
public final class HeapReportTextRenderer implements Renderer<HeapReport> {
  @Override
  public String contentType() {
    return "text/plain; charset=utf-8";
  }

  @Override
  public void write(HeapReport r, OutputStream out) throws IOException {
    PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
    w.printf(
        "Heap dump %s (HPROF %s, %d-byte identifiers)%n",
        r.file(), r.version(), r.identifierSize());
    if (r.partial()) {
      w.printf("PARTIAL RESULT: %s%n", r.partialReason());
    }
    boolean traced = r.references() >= 0;
    if (!traced) {
      w.printf(
          Locale.ROOT,
          "%,d objects, %,d classes; %s shallow (histogram only: nothing traced)%n%n",
          r.objects(),
          r.classes(),
          Bytes.format(r.shallowBytes()));
      roots(w, r);
      histogram(w, r);
      w.flush();
      return;
    }
    w.printf(
        Locale.ROOT,
        "%,d objects, %,d classes, %,d references; %s shallow, %s reachable from GC roots%n",
        r.objects(),
        r.classes(),
        r.references(),
        Bytes.format(r.shallowBytes()),
        Bytes.format(r.reachableBytes()));
    w.println();
    if (r.suspects().isEmpty()) {
      w.println("Leak suspects: none (no object or class retains a large share of the heap)");
    } else {
      w.println("Leak suspects");
      int i = 1;
      for (HeapReport.Suspect s : r.suspects()) {
        w.printf("%2d. %s%n", i++, s.description());
        w.printf("    pattern: %s: %s%n", s.pattern().id(), s.remedy());
        w.printf("    path from a GC root (%s):%n", s.rootKind());
        path(w, s.pathToRoot(), "      ");
      }
    }
    w.println();
    w.println("Biggest dominators (objects that alone keep others alive)");
    w.printf("%12s %7s %10s  %s%n", "retained", "%", "shallow", "object");
    for (HeapReport.Dominator d : r.dominators()) {
      w.printf(
          Locale.ROOT,
          "%12s %6.1f%% %10s  %s %s%n",
          Bytes.format(d.retainedBytes()),
          d.retainedPercent(),
          Bytes.format(d.shallowBytes()),
          d.className(),
          d.objectId());
      if (d.pathToRoot().size() > 1) {
        w.printf("%32s via %s%n", "", String.join(" -> ", d.pathToRoot()));
      }
    }
    w.println();
    roots(w, r);
    histogram(w, r);
    w.flush();
  }

  private static void roots(PrintWriter w, HeapReport r) {
    w.println("GC roots");
    for (HeapReport.GcRootCount c : r.gcRoots()) {
      w.printf(Locale.ROOT, "%12s  %s%n", String.format(Locale.ROOT, "%,d", c.count()), c.kind());
    }
    w.println();
  }

  private static void histogram(PrintWriter w, HeapReport r) {
    w.println("Class histogram (by shallow size)");
    w.printf("%12s %12s  %s%n", "instances", "shallow", "class");
    for (HeapReport.HistogramEntry h : r.histogram()) {
      w.printf(
          Locale.ROOT,
          "%12s %12s  %s%n",
          String.format(Locale.ROOT, "%,d", h.instances()),
          Bytes.format(h.shallowBytes()),
          h.className());
    }
  }

  static void path(PrintWriter w, List<String> steps, String indent) {
    for (int i = 0; i < steps.size(); i++) {
      w.printf("%s%s%s%n", indent, i == 0 ? "" : "-> ", steps.get(i));
    }
  }
}
