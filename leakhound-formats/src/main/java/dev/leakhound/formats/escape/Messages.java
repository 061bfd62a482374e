package dev.leakhound.formats.escape;

import java.util.regex.Pattern;

/**
 * Classifies the message of a positioned compiler line into a {@link DiagnosticKind}, splitting out
 * its subject and detail; null when it is none of the compiler's optimization messages. Stateless.
 */
final class Messages {
  /**
   * The compiler's other optimization notes (cmd/compile/internal: escape, inline, devirtualize,
   * walk, ssagen), by a piece of their text; anything else at a position is a compile error.
   */
  private static final Pattern NOTES =
      Pattern.compile(
          " ignoring self-assignment in |^zero-copy |^index bounds check elided$|^type assertion"
              + " (not )?inlined$|^closure converted to global$|^intrinsic substitution for |"
              + "^(mutates|calls) param: |^marking .* as escaping |^assuming .* is unsafe uintptr$|"
              + "^partially devirtualizing |^cannot devirtualize |^append: len-only update|"
              + "^slice: omit slice operation$|^rewriting OCONVIFACE |^convert: |^alias analysis: |"
              + "^(open-coded|stack-allocated|heap-allocated) defer$|^append (escapes to heap|does"
              + " not escape)$");

  private Messages() {}

  static EscapeDiagnostic classify(
      String message, String pkg, String file, int line, int column, long lineNumber) {
    At at = new At(pkg, file, line, column, lineNumber);
    if (message.startsWith(" ")) {
      return at.of(DiagnosticKind.FLOW, "", message.strip());
    }
    if (message.startsWith("moved to heap: ")) {
      return at.of(DiagnosticKind.MOVED_TO_HEAP, message.substring(15), "");
    }
    int in = message.lastIndexOf(" escapes to heap in ");
    if (in > 0 && message.endsWith(":")) {
      return at.explains(
          message.substring(0, in),
          "escapes to heap",
          message.substring(in + 20, message.length() - 1));
    }
    if (message.endsWith(" escapes to heap")) {
      return at.of(DiagnosticKind.ESCAPES_TO_HEAP, cut(message, " escapes to heap"), "");
    }
    if (message.endsWith(" does not escape, mutate, or call")) {
      return at.of(
          DiagnosticKind.DOES_NOT_ESCAPE, cut(message, " does not escape, mutate, or call"), "");
    }
    if (message.endsWith(" does not escape")) {
      return at.of(DiagnosticKind.DOES_NOT_ESCAPE, cut(message, " does not escape"), "");
    }
    if (message.startsWith("leaking param content: ")) {
      return at.of(DiagnosticKind.LEAKING_PARAM_CONTENT, message.substring(23), "");
    }
    if (message.startsWith("leaking param: ")) {
      String rest = message.substring(15);
      int space = rest.indexOf(' ');
      return space < 0
          ? at.of(DiagnosticKind.LEAKING_PARAM, rest, "")
          : at.of(
              DiagnosticKind.LEAKING_PARAM, rest.substring(0, space), rest.substring(space + 1));
    }
    if (message.startsWith("leaking closure reference ")) {
      return at.of(DiagnosticKind.LEAKING_CLOSURE_REFERENCE, message.substring(26), "");
    }
    if (message.startsWith("parameter ")
        && message.endsWith(":")
        && message.contains(" leaks to ")) {
      // parameter p leaks to {heap} for F with derefs=0:
      int leaks = message.indexOf(" leaks to ");
      int forAt = message.indexOf(" for ", leaks);
      int with = message.lastIndexOf(" with derefs=");
      int end = message.length() - 1;
      return at.explains(
          message.substring(0, leaks),
          message.substring(leaks + 1, forAt < 0 ? end : forAt),
          // max: in a mangled line " with derefs=" may begin inside " for " itself.
          forAt < 0
              ? ""
              : message.substring(forAt + 5, Math.max(forAt + 5, with > forAt ? with : end)));
    }
    int capturing = message.indexOf(" capturing by ");
    if (capturing > 0) {
      // F capturing by value: x (addr=false assign=false width=8)
      int colon = message.indexOf(": ", capturing);
      return at.explains(
          colon < 0 ? "" : message.substring(colon + 2),
          message.substring(capturing + 1, colon < 0 ? message.length() : colon),
          message.substring(0, capturing));
    }
    if (message.startsWith("can inline ")) {
      return at.split(DiagnosticKind.CAN_INLINE, message.substring(11), " with cost ", 1);
    }
    if (message.startsWith("cannot inline ")) {
      return at.split(DiagnosticKind.CANNOT_INLINE, message.substring(14), ": ", 2);
    }
    if (message.startsWith("inlining call to ")) {
      return at.of(DiagnosticKind.INLINING_CALL, message.substring(17), "");
    }
    if (message.startsWith("devirtualizing ")) {
      return at.of(DiagnosticKind.DEVIRTUALIZING, message.substring(15), "");
    }
    if (NOTES.matcher(message).find()) {
      return at.of(DiagnosticKind.NOTE, "", message);
    }
    return null;
  }

  private static String cut(String message, String suffix) {
    return message.substring(0, message.length() - suffix.length());
  }

  /** Where a message was: makes its diagnostics. */
  private record At(String pkg, String file, int line, int column, long lineNumber) {
    EscapeDiagnostic of(DiagnosticKind kind, String subject, String detail) {
      return new EscapeDiagnostic(kind, pkg, file, line, column, subject, detail, "", lineNumber);
    }

    EscapeDiagnostic explains(String subject, String detail, String function) {
      return new EscapeDiagnostic(
          DiagnosticKind.EXPLANATION_HEADER,
          pkg,
          file,
          line,
          column,
          subject,
          detail,
          function,
          lineNumber);
    }

    /** {@code subject SEPARATOR detail}, the detail starting {@code skip} characters in. */
    EscapeDiagnostic split(DiagnosticKind kind, String rest, String separator, int skip) {
      int at = rest.indexOf(separator);
      return at < 0
          ? of(kind, rest, "")
          : of(kind, rest.substring(0, at), rest.substring(at + skip));
    }
  }
}
