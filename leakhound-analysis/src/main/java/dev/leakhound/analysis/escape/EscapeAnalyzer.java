package dev.leakhound.analysis.escape;

import dev.leakhound.analysis.escape.EscapeReport.BuildError;
import dev.leakhound.analysis.escape.EscapeReport.EscapeChange;
import dev.leakhound.analysis.escape.EscapeReport.EscapeDiff;
import dev.leakhound.analysis.escape.EscapeReport.EscapeSite;
import dev.leakhound.analysis.escape.EscapeReport.FunctionEscapes;
import dev.leakhound.analysis.escape.EscapeReport.HeapMove;
import dev.leakhound.analysis.escape.EscapeReport.PackageEscapes;
import dev.leakhound.analysis.source.SourceLines;
import dev.leakhound.formats.escape.CompilerError;
import dev.leakhound.formats.escape.DiagnosticKind;
import dev.leakhound.formats.escape.EscapeDiagnostic;
import dev.leakhound.formats.escape.EscapeOutput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Summarises escape-analysis output ({@link EscapeOutput}): distinct heap-escape sites tied to
 * their function ({@link FunctionAttribution}) and counted per function and package, the
 * moved-to-heap variables, and the difference from a base build.
 *
 * <p>Cost: linear in the diagnostics, plus one read of each source file when sources are given. Not
 * thread-safe while it runs (it reads sources); create one per analysis.
 */
public final class EscapeAnalyzer {
  static final int MAX_WHY_LINES = 12;

  /** The file of a function whose sites lie in several files (package initialization). */
  static final String MANY_FILES = "(several files)";

  private final SourceLines source;

  public EscapeAnalyzer(SourceLines source) {
    this.source = source;
  }

  public EscapeAnalyzer() {
    this(SourceLines.NONE);
  }

  /** Analyses {@code current}, and its change from {@code base} when that is not null. */
  public EscapeReport analyze(EscapeOutput current, EscapeOutput base) {
    Sites sites = sites(current);
    int leaking = 0;
    int inlinable = 0;
    int inlined = 0;
    for (EscapeDiagnostic d : current.diagnostics()) {
      switch (d.kind()) {
        case LEAKING_PARAM, LEAKING_PARAM_CONTENT -> leaking++;
        case CAN_INLINE -> inlinable++;
        case INLINING_CALL -> inlined++;
        default -> {}
      }
    }
    Map<String, List<Site>> byFunction = new LinkedHashMap<>();
    Map<String, int[]> byPackage = new LinkedHashMap<>();
    List<HeapMove> moves = new ArrayList<>();
    for (Site s : sites.list) {
      byFunction
          .computeIfAbsent(s.packagePath + "\u0000" + s.function, k -> new ArrayList<>())
          .add(s);
      int[] counts = byPackage.computeIfAbsent(s.packagePath, k -> new int[2]);
      counts[0]++;
      if (s.moved()) {
        counts[1]++;
        moves.add(new HeapMove(s.what, s.function, s.packagePath, s.position));
      }
    }
    List<FunctionEscapes> functions = new ArrayList<>();
    for (List<Site> list : byFunction.values()) {
      Site first = list.get(0);
      List<EscapeSite> escapeSites = new ArrayList<>();
      int moved = 0;
      for (Site s : list) {
        moved += s.moved() ? 1 : 0;
        escapeSites.add(
            new EscapeSite(s.moved() ? "moved-to-heap" : "escapes", s.what, s.position, s.why));
      }
      String file = first.file;
      for (Site s : list) {
        if (!s.file.equals(file)) {
          file = MANY_FILES;
        }
      }
      functions.add(
          new FunctionEscapes(
              first.function, first.packagePath, file, list.size(), moved, escapeSites));
    }
    functions.sort(
        Comparator.comparingInt(FunctionEscapes::heapEscapes)
            .reversed()
            .thenComparing(FunctionEscapes::packagePath)
            .thenComparing(FunctionEscapes::function));
    List<PackageEscapes> packages = new ArrayList<>();
    byPackage.forEach((p, c) -> packages.add(new PackageEscapes(p, c[0], c[1])));
    packages.sort(
        Comparator.comparingInt(PackageEscapes::heapEscapes)
            .reversed()
            .thenComparing(PackageEscapes::packagePath));
    List<BuildError> errors = new ArrayList<>();
    for (CompilerError e : current.errors()) {
      errors.add(new BuildError(e.packagePath(), e.position(), e.message()));
    }
    EscapeDiff diff = base == null ? null : diff(base, sites);
    return new EscapeReport(
        sites.list.size(),
        functions,
        moves,
        packages,
        leaking,
        inlinable,
        inlined,
        current.explained(),
        sites.attribution,
        errors,
        diff);
  }

  private EscapeDiff diff(EscapeOutput base, Sites current) {
    Sites before = sites(base);
    Map<String, Integer> baseCounts = new HashMap<>();
    for (Site s : before.list) {
      baseCounts.merge(s.key(), 1, Integer::sum);
    }
    Map<String, Integer> currentCounts = new HashMap<>();
    for (Site s : current.list) {
      currentCounts.merge(s.key(), 1, Integer::sum);
    }
    return new EscapeDiff(
        base.source(),
        before.list.size(),
        current.list.size() - before.list.size(),
        surplus(current.list, baseCounts),
        surplus(before.list, currentCounts));
  }

  /** The sites of {@code sites} beyond the number {@code other} has of each key. */
  private static List<EscapeChange> surplus(List<Site> sites, Map<String, Integer> other) {
    Map<String, Integer> seen = new HashMap<>();
    List<EscapeChange> out = new ArrayList<>();
    for (Site s : sites) {
      int n = seen.merge(s.key(), 1, Integer::sum);
      if (n > other.getOrDefault(s.key(), 0)) {
        out.add(
            new EscapeChange(
                s.moved() ? "moved-to-heap" : "escapes",
                s.what,
                s.function,
                s.packagePath,
                s.position));
      }
    }
    out.sort(
        Comparator.comparing(EscapeChange::packagePath)
            .thenComparing(EscapeChange::function)
            .thenComparing(EscapeChange::position));
    return out;
  }

  private Sites sites(EscapeOutput output) {
    FunctionAttribution attribution = new FunctionAttribution(output, source);
    Map<String, List<String>> flows = FunctionAttribution.flows(output);
    Set<String> seen = new LinkedHashSet<>();
    List<Site> list = new ArrayList<>();
    for (EscapeDiagnostic d : output.diagnostics()) {
      if (!d.isHeapEscape() || !seen.add(d.kind() + " " + d.position() + " " + d.subject())) {
        continue;
      }
      list.add(
          new Site(
              d.kind(),
              d.subject(),
              attribution.functionOf(d),
              d.packagePath(),
              d.file(),
              d.position(),
              flows.getOrDefault(d.position() + " " + d.subject(), List.of())));
    }
    return new Sites(list, attribution.how());
  }

  private record Sites(List<Site> list, String attribution) {}

  private record Site(
      DiagnosticKind kind,
      String what,
      String function,
      String packagePath,
      String file,
      String position,
      List<String> why) {
    boolean moved() {
      return kind == DiagnosticKind.MOVED_TO_HEAP;
    }

    /**
     * What a site is across builds: its package, file, kind and text, not its line or function (an
     * edit above moves lines, and each build's functions are told from its own sources).
     */
    String key() {
      return packagePath + "\u0000" + file + "\u0000" + kind + "\u0000" + what;
    }
  }
}
