package dev.leakhound.formats.jvm;

import java.util.Objects;

/**
 * One row of a class histogram: a class, how many live instances it has and how many bytes they
 * take (shallow size, as the JVM reports it).
 *
 * <p>Immutable and thread-safe.
 *
 * @param className the JVM's name for the class: {@code java.lang.String}, {@code [B}, {@code
 *     [Ljava.lang.Object;}, {@code com.example.Foo$$Lambda/0x0000000800c03000}
 * @param instances live instances, at least 0
 * @param bytes shallow bytes of those instances, at least 0
 * @param module the module column ({@code java.base@21.0.2}, {@code jdk.internal.vm.ci}), or null
 *     when the class is in the unnamed module or the JVM (8) prints no module column
 */
public record ClassHistogramEntry(String className, long instances, long bytes, String module) {
  public ClassHistogramEntry {
    Objects.requireNonNull(className, "className");
    if (className.isEmpty()) {
      throw new IllegalArgumentException("empty class name");
    }
    if (instances < 0 || bytes < 0) {
      throw new IllegalArgumentException(
          "negative count for " + className + ": " + instances + " instances, " + bytes + " bytes");
    }
  }

  /** The module's name without its version ({@code java.base} for {@code java.base@21}). */
  public String moduleName() {
    if (module == null) {
      return null;
    }
    int at = module.indexOf('@');
    return at < 0 ? module : module.substring(0, at);
  }
}
