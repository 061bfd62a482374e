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
    if (message.startsWith(" ")) {
      return d(DiagnosticKind.FLOW, "", message.strip(), "", pkg, file, line, column, lineNumber);
    }
    if (message.startsWith("moved to heap: ")) {
      return d(
          DiagnosticKind.MOVED_TO_HEAP,
          message.substring(15),
          "",
          "",
          pkg,
          file,
          line,
          column,
          lineNumber);
    }
    int in = message.lastIndexOf(" escapes to heap in ");
    if (in > 0 && message.endsWith(":")) {
      String function = message.substring(in + 20, message.length() - 1);
      return d(
          DiagnosticKind.EXPLANATION_HEADER,
          message.substring(0, in),
          "escapes to heap",
          function,
          pkg,
          file,
          line,
          column,
          lineNumber);
    }
    if (message.endsWith(" escapes to heap")) {
      return d(
          DiagnosticKind.ESCAPES_TO_HEAP,
          message.substring(0, message.length() - 16),
          "",
          "",
          pkg,
          file,
          line,
          column,
          lineNumber);
    }
    if (message.endsWith(" does not escape, mutate, or call")) {
      return d(
          DiagnosticKind.DOES_NOT_ESCAPE,
          message.substring(0, message.length() - 33),
          "",
          "",
          pkg,
          file,
          line,
          column,
          lineNumber);
    }
    if (message.endsWith(" does not escape")) {
      return d(
          DiagnosticKind.DOES_NOT_ESCAPE,
          message.substring(0, message.length() - 16),
          "",
          "",
          pkg,
          file,
          line,
          column,
          lineNumber);
    }
    if (message.startsWith("leaking param content: ")) {
      return d(
          DiagnosticKind.LEAKING_PARAM_CONTENT,
          message.substring(23),
          "",
          "",
          pkg,
          file,
          line,
          column,
          lineNumber);
    }
    if (message.startsWith("leaking param: ")) {
      String rest = message.substring(15);
      int space = rest.indexOf(' ');
      return d(
          DiagnosticKind.LEAKING_PARAM,
          space < 0 ? rest : rest.substring(0, space),
          space < 0 ? "" : rest.substring(space + 1),
          "",
          pkg,
          file,
          line,
          column,
          lineNumber);
    }
    if (message.startsWith("leaking closure reference ")) {
      return d(
          DiagnosticKind.LEAKING_CLOSURE_REFERENCE,
          message.substring(26),
          "",
          "",
          pkg,
          file,
          line,
          column,
          lineNumber);
    }
    if (message.startsWith("parameter ")
        && message.endsWith(":")
        && message.contains(" leaks to ")) {
      int leaks = message.indexOf(" leaks to ");
      int forAt = message.indexOf(" for ", leaks);
      int with = message.lastIndexOf(" with derefs=");
      String function =
          forAt < 0 ? "" : message.substring(forAt + 5, with > forAt ? with : message.length() - 1);
      return d(
          DiagnosticKind.EXPLANATION_HEADER,
          message.substring(0, leaks),
          message.substring(leaks + 1, forAt < 0 ? message.length() - 1 : forAt),
          function,
          pkg,
          file,
          line,
          column,
          lineNumber);
    }
    int capturing = message.indexOf(" capturing by ");
    if (capturing > 0) {
      int colon = message.indexOf(": ", capturing);
      return d(
          DiagnosticKind.EXPLANATION_HEADER,
          colon < 0 ? "" : message.substring(colon + 2),
          message.substring(capturing + 1, colon < 0 ? message.length() : colon),
          message.substring(0, capturing),
          pkg,
          file,
          line,
          column,
          lineNumber);
    }
    if (message.startsWith("can inline ")) {
      String rest = message.substring(11);
      int with = rest.indexOf(" with cost ");
      return d(
          DiagnosticKind.CAN_INLINE,
          with < 0 ? rest : rest.substring(0, with),
          with < 0 ? "" : rest.substring(with + 1),
          "",
          pkg,
          file,
          line,
          column,
          lineNumber);
    }
    if (message.startsWith("cannot inline ")) {
      String rest = message.substring(14);
      int colon = rest.indexOf(": ");
      return d(
          DiagnosticKind.CANNOT_INLINE,
          colon < 0 ? rest : rest.substring(0, colon),
          colon < 0 ? "" : rest.substring(colon + 2),
          "",
          pkg,
          file,
          line,
          column,
          lineNumber);
    }
    if (message.startsWith("inlining call to ")) {
      return d(
          DiagnosticKind.INLINING_CALL,
          message.substring(17),
          "",
          "",
          pkg,
          file,
          line,
          column,
          lineNumber);
    }
    if (message.startsWith("devirtualizing ")) {
      return d(
          DiagnosticKind.DEVIRTUALIZING,
          message.substring(15),
          "",
          "",
          pkg,
          file,
          line,
          column,
          lineNumber);
    }
    if (NOTES.matcher(message).find()) {
      return d(DiagnosticKind.NOTE, "", message, "", pkg, file, line, column, lineNumber);
    }
    return null;
  }

  private static EscapeDiagnostic d(
      DiagnosticKind kind,
      String subject,
      String detail,
      String function,
      String pkg,
      String file,
      int line,
      int column,
      long lineNumber) {
    return new EscapeDiagnostic(
        kind, pkg, file, line, column, subject, detail, function, lineNumber);
  }
}
