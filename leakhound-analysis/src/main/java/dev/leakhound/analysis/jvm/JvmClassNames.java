package dev.leakhound.analysis.jvm;

import java.util.Locale;

/**
 * What a class name in a histogram says about the class: whether it belongs to the JDK (the noise
 * every leak drags along: {@code byte[]}, {@code String}, boxed numbers, collection nodes) or to
 * the application, whether it is an array, and its simple name.
 *
 * <p>Stateless and thread-safe.
 */
final class JvmClassNames {
  private static final String[] JDK_PREFIXES = {
    "java.", "javax.", "jdk.", "sun.", "com.sun.", "<",
  };

  private JvmClassNames() {}

  /** True for JDK classes and for arrays of primitives or of JDK classes. */
  static boolean isJdk(String className, String module) {
    String element = elementType(className);
    if (element.length() == 1 && "ZBCSIJFD".indexOf(element.charAt(0)) >= 0) {
      return true; // [B, [[I
    }
    if (isPrimitiveName(element)) {
      return true; // byte[] in the SA variant
    }
    if (module != null && (module.startsWith("java.") || module.startsWith("jdk."))) {
      return true;
    }
    for (String prefix : JDK_PREFIXES) {
      if (element.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** True for {@code [B}, {@code [Lfoo.Bar;} and the SA variant's {@code foo.Bar[]}. */
  static boolean isArray(String className) {
    return className.startsWith("[") || className.endsWith("[]");
  }

  /** The element class of an array name ({@code [[Lfoo.Bar;} gives {@code foo.Bar}). */
  static String elementType(String className) {
    String s = className;
    int i = 0;
    while (i < s.length() && s.charAt(i) == '[') {
      i++;
    }
    if (i > 0) {
      s = s.substring(i);
      if (s.startsWith("L") && s.endsWith(";")) {
        s = s.substring(1, s.length() - 1);
      }
    }
    while (s.endsWith("[]")) {
      s = s.substring(0, s.length() - 2);
    }
    return s;
  }

  /**
   * The simple name, without package, hidden-class suffix or enclosing classes: {@code
   * CheckoutPriceListener} for {@code shop.CheckoutService$CheckoutPriceListener}, {@code
   * Workload$$Lambda} for a lambda.
   */
  static String simpleName(String className) {
    String s = className;
    int slash = s.indexOf('/');
    if (slash > 0) {
      s = s.substring(0, slash); // hidden class: Foo$$Lambda/0x0000...
    }
    int lambda = s.indexOf("$$Lambda");
    if (lambda > 0) {
      int dot = s.lastIndexOf('.', lambda);
      return s.substring(dot + 1, lambda) + "$$Lambda";
    }
    s = s.substring(s.lastIndexOf('.') + 1);
    return s.substring(s.lastIndexOf('$') + 1);
  }

  /**
   * A short name for reports: the simple name, arrays as Java writes them ({@code byte[]} for
   * {@code [B}, {@code CartLine[]} for {@code [Lshop.CartLine;}), nested classes with their outer
   * class ({@code HashMap$Node}).
   */
  static String displayName(String className) {
    int dims = 0;
    while (dims < className.length() && className.charAt(dims) == '[') {
      dims++;
    }
    String element = elementType(className);
    String base;
    if (dims > 0 && element.length() == 1) {
      base =
          switch (element.charAt(0)) {
            case 'Z' -> "boolean";
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'F' -> "float";
            case 'D' -> "double";
            default -> element;
          };
    } else {
      int slash = element.indexOf('/');
      String name = slash > 0 ? element.substring(0, slash) : element;
      base = name.substring(name.lastIndexOf('.') + 1);
    }
    return base + "[]".repeat(dims);
  }

  /** True for a lambda's hidden class ({@code Foo$$Lambda$14/0x...}, {@code Foo$$Lambda/0x...}). */
  static boolean isLambda(String className) {
    return className.contains("$$Lambda");
  }

  /** The simple name in lower case, for word matching. */
  static String lowerSimpleName(String className) {
    return simpleName(className).toLowerCase(Locale.ROOT);
  }

  private static boolean isPrimitiveName(String name) {
    return switch (name) {
      case "boolean", "byte", "char", "short", "int", "long", "float", "double" -> true;
      default -> false;
    };
  }
}
