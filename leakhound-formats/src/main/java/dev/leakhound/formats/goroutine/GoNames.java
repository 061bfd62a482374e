package dev.leakhound.formats.goroutine;

/**
 * Reads Go symbol names as the runtime prints them: which package a function belongs to, and
 * whether that package is the runtime or the standard library.
 *
 * <p>Stateless and thread-safe.
 */
public final class GoNames {
  private GoNames() {}

  /**
   * The package path of a function name: everything up to the first dot after the last slash
   * ({@code net/http.(*conn).serve} -> {@code net/http}; {@code main.F[...]} -> {@code main};
   * {@code gopkg.in/yaml.v3.(*parser).parse} -> {@code gopkg.in/yaml.v3}).
   */
  public static String packagePath(String function) {
    // Generic type arguments may hold slashes and dots: cut them off first.
    int bracket = function.indexOf('[');
    String name = bracket >= 0 ? function.substring(0, bracket) : function;
    int slash = name.lastIndexOf('/');
    int dot = name.indexOf('.', slash + 1);
    if (slash >= 0 && dot >= 0) {
      // A last element that is itself dotted (gopkg.in/yaml.v3) keeps its dots when what
      // follows starts like a symbol; the runtime gives no better separator, so follow the
      // convention go tool pprof uses: the package ends at the first dot after the last slash,
      // unless that leaves a version-like element (vN) on the symbol side.
      int next = name.indexOf('.', dot + 1);
      String afterDot = next >= 0 ? name.substring(dot + 1, next) : name.substring(dot + 1);
      if (next >= 0 && afterDot.matches("v[0-9]+")) {
        return name.substring(0, next);
      }
    }
    return dot >= 0 ? name.substring(0, dot) : name;
  }

  /** True for the runtime's own functions, which sit on top of every blocked stack. */
  public static boolean isRuntime(String function) {
    return function.startsWith("runtime.")
        || function.startsWith("internal/runtime/")
        || function.equals("panic")
        || function.startsWith("runtime/internal/");
  }

  /**
   * True for the standard library (including the runtime): a package path whose first element has
   * no dot, other than {@code main} and the pseudo-packages of command-line builds. Vendored copies
   * inside the standard library ({@code vendor/golang.org/x/net/...}) count as standard.
   */
  public static boolean isStandardLibrary(String function) {
    String pkg = packagePath(function);
    if (pkg.isEmpty() || pkg.equals("main") || pkg.equals("command-line-arguments")) {
      return false;
    }
    int slash = pkg.indexOf('/');
    String first = slash >= 0 ? pkg.substring(0, slash) : pkg;
    return !first.contains(".");
  }
}
