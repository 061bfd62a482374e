package dev.leakhound.analysis.profile;

import dev.leakhound.formats.pprof.Function;
import dev.leakhound.formats.pprof.Profile;
import dev.leakhound.formats.pprof.ProfileBuilder;

/**
 * The name simplification {@code go tool pprof} applies to every profile it symbolizes ({@code
 * Demangle} in {@code internal/symbolizer}, default mode): a function whose name equals its system
 * name and looks like a demangled C++ name, which includes Go generic instantiations such as {@code
 * pkg.F[go.shape.func(*T, int)]}, loses its parameter lists and template arguments. Reports apply
 * it so their names (and focus, ignore and pruning) are pprof's.
 *
 * <p>Mangled C++ names ({@code _Z...}) are left as they are: pprof would demangle them with a C++
 * demangler, which Leakhound does not have.
 *
 * <p>Stateless; thread-safe.
 */
final class SymbolNames {
  private SymbolNames() {}

  /** {@code p} with pprof's simplified names; {@code p} itself when no name changes. */
  static Profile simplify(Profile p) {
    boolean changes = false;
    for (Function f : p.functions()) {
      changes |= !simplified(f).equals(f.name());
    }
    if (!changes) {
      return p;
    }
    ProfileBuilder b = Profile.builder().copyHeaders(p);
    p.mappings().forEach(b::addMapping);
    p.locations().forEach(b::addLocation);
    for (Function f : p.functions()) {
      b.addFunction(
          new Function(f.id(), simplified(f), f.systemName(), f.filename(), f.startLine()));
    }
    SampleCopier copier = new SampleCopier(p, b);
    for (int s = 0; s < p.sampleCount(); s++) {
      copier.copy(s);
    }
    return b.build();
  }

  /** pprof's {@code demangleSingleFunction} without the C++ demangler. */
  static String simplified(Function f) {
    if (!f.name().isEmpty() && !f.systemName().equals(f.name())) {
      return f.name(); // already demangled
    }
    String name = f.systemName();
    if (looksLikeDemangledCpp(name)) {
      name = removeMatching(name, '(', ')');
      name = removeMatching(name, '<', '>');
    }
    return name;
  }

  private static boolean looksLikeDemangledCpp(String name) {
    if (name.contains(".<") || name.contains("]).")) {
      return false; // Java "class.<init>", Go "pkg.(*T[...]).Method"
    }
    return name.contains("::")
        || name.indexOf('<') >= 0
        || name.indexOf('>') >= 0
        || name.indexOf('[') >= 0
        || name.indexOf(']') >= 0;
  }

  /**
   * pprof's {@code removeMatching}, literally: drops nested {@code start...end} groups; on an
   * unmatched {@code end} it stops and keeps what it has, an unclosed group stays.
   */
  static String removeMatching(String name, char start, char end) {
    int nesting = 0;
    int first = 0;
    int current = 0;
    while (current < name.length()) {
      char c = name.charAt(current);
      if (c == start) {
        nesting++;
        if (nesting == 1) {
          first = current;
        }
      } else if (c == end) {
        nesting--;
        if (nesting < 0) {
          return name;
        }
        if (nesting == 0) {
          name = name.substring(0, first) + name.substring(current + 1);
          current = first - 1;
        }
      }
      current++;
    }
    return name;
  }
}
