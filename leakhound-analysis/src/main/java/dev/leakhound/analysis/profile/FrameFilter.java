package dev.leakhound.analysis.profile;

import dev.leakhound.formats.pprof.Function;
import dev.leakhound.formats.pprof.Line;
import dev.leakhound.formats.pprof.Location;
import dev.leakhound.formats.pprof.Mapping;
import dev.leakhound.formats.pprof.Profile;
import dev.leakhound.formats.pprof.ProfileBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Filters on stack frames, as pprof does: {@link #focusIgnore} keeps samples with a frame matching
 * {@code focus} and none matching {@code ignore} ({@code FilterSamplesByName}; a frame matches by
 * function name, file name or mapping file), and {@link #removeUninteresting} prunes the frames the
 * profile's {@code drop_frames} expression names from the leaf side of each stack ({@code Prune}:
 * allocator and runtime frames of legacy heap profiles).
 *
 * <p>Stateless; thread-safe. Cost: one pass over locations, one over samples.
 */
public final class FrameFilter {
  private static final Pattern SIMPLIFY =
      Pattern.compile("\\(anonymous namespace\\)|operator\\(\\)|\\(");

  private FrameFilter() {}

  /**
   * The samples with at least one frame matching {@code focus} (all when null) and none matching
   * {@code ignore} (none when null). Patterns match anywhere in a name, as Go's {@code
   * MatchString}.
   */
  public static Profile focusIgnore(Profile p, Pattern focus, Pattern ignore) {
    if (focus == null && ignore == null) {
      return p;
    }
    // 1 focused, -1 ignored, 0 neither, per location.
    byte[] state = new byte[p.locations().size()];
    for (int i = 0; i < state.length; i++) {
      Location l = p.locations().get(i);
      if (ignore != null && matches(p, l, ignore)) {
        state[i] = -1;
      } else if (focus == null || matches(p, l, focus)) {
        state[i] = 1;
      }
    }
    ProfileBuilder b = ProfileAlgebra.withTables(p);
    SampleCopier copier = new SampleCopier(p, b);
    for (int s = 0; s < p.sampleCount(); s++) {
      boolean focused = false;
      boolean ignored = false;
      for (int d = 0, n = p.stackDepth(s); d < n && !ignored; d++) {
        byte st = state[p.stackLocation(s, d)];
        focused |= st == 1;
        ignored = st == -1;
      }
      if (focused && !ignored) {
        copier.copy(s);
      }
    }
    return b.build();
  }

  private static boolean matches(Profile p, Location l, Pattern re) {
    for (Line line : l.lines()) {
      Function f = p.functionOf(line);
      if (re.matcher(f.name()).find() || re.matcher(f.filename()).find()) {
        return true;
      }
    }
    Mapping m = p.mappingOf(l);
    return m != null && re.matcher(m.filename()).find();
  }

  /**
   * Prunes the frames {@code p.dropFrames()} names (unless {@code p.keepFrames()} keeps them), as
   * pprof's {@code RemoveUninteresting}; returns {@code p} itself when it names none or its
   * expression does not compile (pprof ignores that error too).
   */
  public static Profile removeUninteresting(Profile p) {
    if (p.dropFrames().isEmpty()) {
      return p;
    }
    Pattern drop;
    Pattern keep = null;
    try {
      drop = Pattern.compile("^(" + p.dropFrames() + ")$");
      if (!p.keepFrames().isEmpty()) {
        keep = Pattern.compile("^(" + p.keepFrames() + ")$");
      }
    } catch (PatternSyntaxException e) {
      return p;
    }
    return prune(p, drop, keep);
  }

  private static Profile prune(Profile p, Pattern drop, Pattern keep) {
    int n = p.locations().size();
    boolean[] prune = new boolean[n];
    boolean[] pruneBeneath = new boolean[n];
    Map<String, Boolean> cache = new HashMap<>();
    ProfileBuilder b = Profile.builder().copyHeaders(p);
    p.mappings().forEach(b::addMapping);
    p.functions().forEach(b::addFunction);
    for (int i = 0; i < n; i++) {
      Location loc = p.locations().get(i);
      List<Line> lines = loc.lines();
      int k = lines.size() - 1;
      for (; k >= 0; k--) {
        String name = p.functionOf(lines.get(k)).name();
        if (!name.isEmpty() && cache.computeIfAbsent(name, s -> pruneFromHere(s, drop, keep))) {
          break;
        }
      }
      if (k >= 0) {
        pruneBeneath[i] = true;
        if (k == lines.size() - 1) {
          prune[i] = true;
        } else {
          loc =
              new Location(
                  loc.id(),
                  loc.mappingId(),
                  loc.address(),
                  lines.subList(k + 1, lines.size()),
                  loc.isFolded());
        }
      }
      b.addLocation(loc);
    }
    SampleCopier copier = new SampleCopier(p, b);
    for (int s = 0; s < p.sampleCount(); s++) {
      int depth = p.stackDepth(s);
      int from = 0;
      boolean foundUser = false;
      // From the root towards the leaf: drop what lies beneath the first pruned frame.
      for (int d = depth - 1; d >= 0; d--) {
        int loc = p.stackLocation(s, d);
        if (!prune[loc] && !pruneBeneath[loc]) {
          foundUser = true;
          continue;
        }
        if (!foundUser) {
          continue;
        }
        from = prune[loc] ? d + 1 : d;
        break;
      }
      copier.copyFrames(s, from, copier.valuesOf(s), p.labels(s));
    }
    return b.build();
  }

  private static boolean pruneFromHere(String name, Pattern drop, Pattern keep) {
    String simple = simplify(name);
    return drop.matcher(simple).find() && (keep == null || !keep.matcher(simple).find());
  }

  /** pprof's {@code simplifyFunc}: drops a leading dot and the argument list. */
  static String simplify(String f) {
    String name = f.startsWith(".") ? f.substring(1) : f;
    var m = SIMPLIFY.matcher(name);
    while (m.find()) {
      String found = m.group();
      if (!found.equals("(anonymous namespace)") && !found.equals("operator()")) {
        return name.substring(0, m.start());
      }
    }
    return name;
  }
}
