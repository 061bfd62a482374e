package dev.leakhound.analysis.escape;

import dev.leakhound.analysis.escape.EscapeReport.BuildError;
import dev.leakhound.analysis.escape.EscapeReport.EscapeChange;
import dev.leakhound.analysis.escape.EscapeReport.FunctionEscapes;
import dev.leakhound.analysis.escape.EscapeReport.HeapMove;
import dev.leakhound.analysis.escape.EscapeReport.PackageEscapes;
import dev.leakhound.analysis.render.Renderer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Renders an {@link EscapeReport} for people: totals, the functions with the most heap escapes (the
 * first {@value #TOP_FUNCTIONS}; JSON has all), every moved-to-heap variable, the change from the
 * base build, and the compile errors met.
 *
 * <p>Stateless and thread-safe.
 */
public final class EscapeTextRenderer implements Renderer<EscapeReport> {
  static final int TOP_FUNCTIONS = 30;

  @Override
  public String contentType() {
    return "text/plain; charset=utf-8";
  }

  @Override
  public void write(EscapeReport r, OutputStream out) throws IOException {
    PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    w.printf(
        "%d heap escapes (%d moved to heap) in %d %s; %d leaking params, %d inlinable functions,"
            + " %d inlined calls%n",
        r.heapEscapes(),
        r.movedToHeap().size(),
        r.byPackage().size(),
        r.byPackage().size() == 1 ? "package" : "packages",
        r.leakingParams(),
        r.inlinableFunctions(),
        r.inlinedCalls());
    if (r.attribution().equals("declarations")) {
      w.println(
          "note: functions were told from the nearest 'can inline' line above each site; give"
              + " --source-root (or -gcflags='-m -m' output) for exact ones");
    }
    if (!r.byPackage().isEmpty() && r.byPackage().size() > 1) {
      w.println();
      w.println("By package:");
      for (PackageEscapes p : r.byPackage()) {
        w.printf("%8d %6d  %s%n", p.heapEscapes(), p.movedToHeap(), p.packagePath());
      }
    }
    List<FunctionEscapes> functions = r.byFunction();
    if (!functions.isEmpty()) {
      w.println();
      w.println(
          functions.size() > TOP_FUNCTIONS
              ? "By function (top " + TOP_FUNCTIONS + " of " + functions.size() + "):"
              : "By function:");
      w.printf("%8s %6s  %s%n", "escapes", "moved", "function");
      for (FunctionEscapes f : functions.subList(0, Math.min(TOP_FUNCTIONS, functions.size()))) {
        w.printf(
            "%8d %6d  %s.%s (%s)%n",
            f.heapEscapes(),
            f.movedToHeap(),
            shortPackage(f.packagePath()),
            f.function(),
            f.file().startsWith("(")
                ? f.file().substring(1, f.file().length() - 1)
                : baseName(f.file()));
      }
    }
    if (!r.movedToHeap().isEmpty()) {
      w.println();
      w.println("Moved to heap:");
      for (HeapMove m : r.movedToHeap()) {
        w.printf("  %-20s in %s  %s%n", m.variable(), m.function(), m.position());
      }
    }
    if (r.diff() != null) {
      w.println();
      w.printf(
          "Since %s: %+d heap escapes (%d -> %d), %d new, %d gone%n",
          r.diff().base(),
          r.diff().change(),
          r.diff().baseHeapEscapes(),
          r.heapEscapes(),
          r.diff().newEscapes().size(),
          r.diff().goneEscapes().size());
      for (EscapeChange c : r.diff().newEscapes()) {
        w.printf("  + %s: %s  in %s  %s%n", c.kind(), c.what(), c.function(), c.position());
      }
      for (EscapeChange c : r.diff().goneEscapes()) {
        w.printf("  - %s: %s  in %s  %s%n", c.kind(), c.what(), c.function(), c.position());
      }
    }
    if (!r.errors().isEmpty()) {
      w.println();
      w.println("Compiler errors (" + r.errors().size() + "):");
      for (BuildError e : r.errors()) {
        w.println("  " + (e.position().isEmpty() ? "" : e.position() + ": ") + e.message());
      }
    }
    w.flush();
  }

  private static String shortPackage(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String baseName(String file) {
    return file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  }
}
