package dev.leakhound.analysis.escape;

import dev.leakhound.analysis.source.SourceLines;
import dev.leakhound.formats.escape.DiagnosticKind;
import dev.leakhound.formats.escape.EscapeDiagnostic;
import dev.leakhound.formats.escape.EscapeOutput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells which function a diagnostic's position belongs to, in order of trust: the function an -m -m
 * explanation names for that exact position; the nearest {@code func} line above it in the Go
 * source, when the file is found; the nearest {@code can inline}/{@code cannot inline} declaration
 * above it (closures and wrappers left out: they sit inside their function).
 *
 * <p>Not thread-safe; one per analysis. Reads each source file once.
 */
final class FunctionAttribution {
  private static final Pattern FUNC =
      Pattern.compile(
          "^func\\s*(?:\\(\\s*(?:\\w+\\s+)?(\\*?)\\s*([\\w.]+)(\\[[^\\]]*\\])?\\s*\\))?\\s*(\\w+)");
  private static final Pattern NESTED =
      Pattern.compile("\\.(func\\d+|gowrap\\d+|deferwrap\\d+)(\\.|$)");

  /** What the compiler calls the code that initializes package-level variables. */
  static final String PACKAGE_INIT = "init";

  private final SourceLines source;
  private final Map<String, String> explicit = new HashMap<>();
  private final Map<String, TreeMap<Integer, String>> declared = new HashMap<>();
  private final Map<String, TreeMap<Integer, String>> fromSource = new HashMap<>();
  private boolean usedExplicit;
  private boolean usedSource;
  private boolean usedDeclarations;

  FunctionAttribution(EscapeOutput output, SourceLines source) {
    this.source = source;
    for (EscapeDiagnostic d : output.diagnostics()) {
      if (d.kind() == DiagnosticKind.EXPLANATION_HEADER && !d.function().isEmpty()) {
        explicit.putIfAbsent(d.position(), d.function());
      } else if ((d.kind() == DiagnosticKind.CAN_INLINE || d.kind() == DiagnosticKind.CANNOT_INLINE)
          && !NESTED.matcher(d.subject()).find()) {
        declared.computeIfAbsent(d.file(), f -> new TreeMap<>()).putIfAbsent(d.line(), d.subject());
      }
    }
  }

  /** The function holding the diagnostic, package-relative, or {@code ?}. */
  String functionOf(EscapeDiagnostic d) {
    String named = explicit.get(d.position());
    if (named != null) {
      usedExplicit = true;
      return named;
    }
    TreeMap<Integer, String> decls = fromSource.computeIfAbsent(d.file(), this::scan);
    Map.Entry<Integer, String> e = decls.floorEntry(d.line());
    if (e != null) {
      usedSource = true;
      return e.getValue();
    }
    e = declared.getOrDefault(d.file(), new TreeMap<>()).floorEntry(d.line());
    if (e != null) {
      usedDeclarations = true;
      return e.getValue();
    }
    return "?";
  }

  /** How the attributions made so far were made, the least trusted way named. */
  String how() {
    if (usedDeclarations) {
      return "declarations";
    }
    if (usedSource) {
      return "source";
    }
    return usedExplicit ? "compiler" : "none";
  }

  /**
   * The functions of a gofmt-formatted file by first line: a {@code func} line opens one, a {@code
   * }} at column 0 closes it, and what lies between functions (var, const and type declarations)
   * belongs to the package's initialization, {@code init}, as the compiler names it.
   */
  private TreeMap<Integer, String> scan(String file) {
    TreeMap<Integer, String> out = new TreeMap<>();
    boolean inFunction = false;
    for (int n = 1; ; n++) {
      String line = source.line(file, n);
      if (line == null) {
        return out;
      }
      if (line.startsWith("func")) {
        String name = declaredName(line);
        if (name != null) {
          out.put(n, name);
          inFunction = !line.endsWith("}");
        }
      } else if (line.startsWith("}") && inFunction) {
        out.put(n + 1, PACKAGE_INIT);
        inFunction = false;
      } else if (!inFunction && out.isEmpty() && !line.isBlank()) {
        out.put(n, PACKAGE_INIT);
      }
    }
  }

  /** {@code func (w *PriceWatcher) refreshLoop()} -> {@code (*PriceWatcher).refreshLoop}. */
  static String declaredName(String funcLine) {
    Matcher m = FUNC.matcher(funcLine);
    if (!m.find()) {
      return null;
    }
    String name = m.group(4);
    if (m.group(2) == null) {
      return name;
    }
    String type = m.group(2) + (m.group(3) == null ? "" : "[...]");
    return m.group(1).isEmpty() ? type + "." + name : "(*" + type + ")." + name;
  }

  /** Flow lines of -m -m, keyed by position and subject of the explanation they follow. */
  static Map<String, List<String>> flows(EscapeOutput output) {
    Map<String, List<String>> out = new HashMap<>();
    List<String> current = null;
    for (EscapeDiagnostic d : output.diagnostics()) {
      if (d.kind() == DiagnosticKind.EXPLANATION_HEADER) {
        current = out.computeIfAbsent(d.position() + " " + d.subject(), k -> new ArrayList<>());
      } else if (d.kind() == DiagnosticKind.FLOW) {
        if (current != null && current.size() < EscapeAnalyzer.MAX_WHY_LINES) {
          current.add(d.detail());
        }
      } else {
        current = null;
      }
    }
    return out;
  }
}
