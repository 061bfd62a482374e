package dev.leakhound.formats.escape;

/** What one line of {@code go build -gcflags=-m} output says. */
public enum DiagnosticKind {
  /** {@code moved to heap: buf}: a variable allocated on the heap instead of the stack. */
  MOVED_TO_HEAP,
  /** {@code make([]byte, n) escapes to heap}: a value that escapes. */
  ESCAPES_TO_HEAP,
  /** {@code p does not escape}. */
  DOES_NOT_ESCAPE,
  /** {@code leaking param: p} (with detail such as {@code to result ~r0 level=0}). */
  LEAKING_PARAM,
  /** {@code leaking param content: p}. */
  LEAKING_PARAM_CONTENT,
  /** {@code leaking closure reference x}. */
  LEAKING_CLOSURE_REFERENCE,
  /** {@code can inline F} (with {@code with cost N as: ...} under -m -m). */
  CAN_INLINE,
  /** {@code cannot inline F: reason} (-m -m). */
  CANNOT_INLINE,
  /** {@code inlining call to F}. */
  INLINING_CALL,
  /** {@code devirtualizing x.M to *T}. */
  DEVIRTUALIZING,
  /**
   * An -m -m explanation: {@code x escapes to heap in F:}, {@code parameter p leaks to {heap} for F
   * with derefs=0:}, {@code F capturing by value: x}. Its {@code function} names F.
   */
  EXPLANATION_HEADER,
  /** An -m -m flow line: {@code flow: ~r0 = &buf:} or {@code from &buf (address-of) at ...}. */
  FLOW,
  /**
   * Another optimization note of the compiler ({@code F ignoring self-assignment in ...}, {@code
   * index bounds check elided}, {@code open-coded defer}, ...): kept, not counted as an escape.
   */
  NOTE
}
