package dev.leakhound.formats.goroutine;

/** The forms a goroutine dump comes in, as {@code net/http/pprof} serves them. */
public enum DumpKind {
  /**
   * {@code /debug/pprof/goroutine?debug=2}, {@code runtime.Stack(buf, true)} or a crash's
   * traceback: one block per goroutine with its state, wait time and creator.
   */
  FULL("debug=2"),
  /** {@code /debug/pprof/goroutine?debug=1}: one record per distinct stack with a count. */
  COUNTS("debug=1"),
  /**
   * {@code /debug/pprof/goroutineleak?debug=1} (Go 1.26, GOEXPERIMENT=goroutineleakprofile): the
   * goroutines the garbage collector proved can never run again, counted per stack.
   */
  LEAK_COUNTS("goroutineleak debug=1"),
  /**
   * The protobuf goroutine profile ({@code /debug/pprof/goroutine}), decoded by the pprof reader.
   */
  PROTO("proto"),
  /** The protobuf goroutineleak profile ({@code /debug/pprof/goroutineleak}, Go 1.26). */
  LEAK_PROTO("goroutineleak proto");

  private final String label;

  DumpKind(String label) {
    this.label = label;
  }

  /** True for the goroutineleak profile's forms: every goroutine in it is leaked. */
  public boolean isLeakProfile() {
    return this == LEAK_COUNTS || this == LEAK_PROTO;
  }

  /** How users name this form: {@code debug=2}, {@code debug=1}, ... */
  public String label() {
    return label;
  }
}
