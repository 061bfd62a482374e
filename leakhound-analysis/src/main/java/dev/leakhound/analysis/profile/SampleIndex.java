package dev.leakhound.analysis.profile;

import dev.leakhound.formats.pprof.Profile;
import dev.leakhound.formats.pprof.ValueType;

/**
 * Chooses which sample value a report shows, as pprof's {@code SampleIndexByName}: by default the
 * profile's {@code default_sample_type}, else the last type (for Go heap profiles, {@code
 * inuse_space}); by name (the legacy {@code inuse_} prefix matches {@code space} and {@code
 * objects}); or by number.
 *
 * <p>Stateless; thread-safe.
 */
public final class SampleIndex {
  private SampleIndex() {}

  /**
   * The index of the sample type named {@code name} in {@code profile}, or the default when {@code
   * name} is null or empty. Throws {@link IllegalArgumentException} naming the choices when no type
   * matches.
   */
  public static int resolve(Profile profile, String name) {
    var types = profile.sampleTypes();
    if (types.isEmpty()) {
      throw new IllegalArgumentException("the profile has no sample types");
    }
    if (name == null || name.isEmpty()) {
      String dflt = profile.defaultSampleType();
      if (!dflt.isEmpty()) {
        for (int i = 0; i < types.size(); i++) {
          if (types.get(i).type().equals(dflt)) {
            return i;
          }
        }
      }
      return types.size() - 1;
    }
    if (name.chars().allMatch(Character::isDigit) && name.length() < 10) {
      int i = Integer.parseInt(name);
      if (i >= types.size()) {
        throw new IllegalArgumentException(
            "sample index " + name + " is outside the range [0.." + (types.size() - 1) + "]");
      }
      return i;
    }
    String noInuse = name.startsWith("inuse_") ? name.substring("inuse_".length()) : name;
    for (int i = 0; i < types.size(); i++) {
      String t = types.get(i).type();
      if (t.equals(name) || t.equals(noInuse)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "sample index '"
            + name
            + "' must be one of: "
            + String.join(", ", types.stream().map(ValueType::type).toList()));
  }
}
