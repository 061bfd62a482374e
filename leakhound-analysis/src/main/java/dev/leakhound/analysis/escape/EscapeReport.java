package dev.leakhound.analysis.escape;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What {@code leakhound escape} reports: heap escapes counted per function and per package, the
 * variables moved to the heap, compile errors met on the way, and, given a base build, what newly
 * escapes. The record is the JSON shape (README documents it).
 *
 * @param heapEscapes distinct sites that put something on the heap (moved to heap + escapes to
 *     heap; a site the compiler reports twice, as for an inlined closure, counts once)
 * @param byFunction functions by heap escapes, most first
 * @param movedToHeap every {@code moved to heap} variable
 * @param byPackage packages by heap escapes, most first
 * @param leakingParams {@code leaking param} lines
 * @param inlinableFunctions {@code can inline} lines
 * @param inlinedCalls {@code inlining call to} lines
 * @param explained true when the output had -m -m explanations (sites then carry {@code why})
 * @param attribution how sites were tied to functions: {@code compiler} (-m -m names them), {@code
 *     source} (the Go files were found), {@code declarations} (the nearest {@code can inline} line
 *     above; approximate)
 * @param errors compile errors and go-command messages in the output
 * @param diff what changed since the base build, or null without {@code --base}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EscapeReport(
    int heapEscapes,
    List<FunctionEscapes> byFunction,
    List<HeapMove> movedToHeap,
    List<PackageEscapes> byPackage,
    int leakingParams,
    int inlinableFunctions,
    int inlinedCalls,
    boolean explained,
    String attribution,
    List<BuildError> errors,
    EscapeDiff diff) {
  public EscapeReport {
    byFunction = List.copyOf(byFunction);
    movedToHeap = List.copyOf(movedToHeap);
    byPackage = List.copyOf(byPackage);
    errors = List.copyOf(errors);
  }

  /**
   * The heap escapes of one function.
   *
   * @param function the function, package-relative as the compiler names it ({@code
   *     (*cartAPI).addItem}), or {@code ?} when it cannot be told
   * @param packagePath its package
   * @param file the file its sites are in
   * @param heapEscapes its distinct heap-escape sites
   * @param movedToHeap how many of them are moved-to-heap variables
   * @param sites the sites, in file order
   */
  public record FunctionEscapes(
      String function,
      String packagePath,
      String file,
      int heapEscapes,
      int movedToHeap,
      List<EscapeSite> sites) {
    public FunctionEscapes {
      sites = List.copyOf(sites);
    }
  }

  /**
   * One site that puts something on the heap.
   *
   * @param kind {@code moved-to-heap} or {@code escapes}
   * @param what the variable or expression
   * @param position {@code file:line:column}
   * @param why the -m -m flow lines that explain it (empty without -m -m)
   */
  public record EscapeSite(String kind, String what, String position, List<String> why) {
    public EscapeSite {
      why = List.copyOf(why);
    }
  }

  /** A {@code moved to heap} variable with its function. */
  public record HeapMove(String variable, String function, String packagePath, String position) {}

  /** The heap escapes of one package. */
  public record PackageEscapes(String packagePath, int heapEscapes, int movedToHeap) {}

  /** A compile error or go-command message, with where it was. */
  public record BuildError(String packagePath, String position, String message) {}

  /**
   * The change from a base build: sites matched by package, function, kind and what (not by line,
   * which moves with every edit).
   *
   * @param base the base file
   * @param baseHeapEscapes heap escapes in the base
   * @param change heap escapes now minus in the base
   * @param newEscapes sites that escape now and did not in the base
   * @param goneEscapes sites that escaped in the base and no longer do
   */
  public record EscapeDiff(
      String base,
      int baseHeapEscapes,
      int change,
      List<EscapeChange> newEscapes,
      List<EscapeChange> goneEscapes) {
    public EscapeDiff {
      newEscapes = List.copyOf(newEscapes);
      goneEscapes = List.copyOf(goneEscapes);
    }
  }

  /** One site in a diff. */
  public record EscapeChange(
      String kind, String what, String function, String packagePath, String position) {}
}
