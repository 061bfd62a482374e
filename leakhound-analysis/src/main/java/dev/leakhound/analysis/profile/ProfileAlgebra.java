package dev.leakhound.analysis.profile;

import dev.leakhound.formats.pprof.Label;
import dev.leakhound.formats.pprof.Profile;
import dev.leakhound.formats.pprof.ProfileBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Algebra on {@link Profile}s with google/pprof's semantics: {@link #merge}, {@link #scale}, and
 * {@link #diff}, which is not a separate code path but the base scaled by -1, labelled {@code
 * pprof::base=true} and merged with the current profile, exactly as {@code go tool pprof
 * -diff_base} does ({@code internal/driver/fetch.go}). Reports on a diff use the base samples for
 * their total ({@link TopCalculator}).
 *
 * <p>Every operation returns a new profile and leaves its inputs alone. Stateless; thread-safe.
 * Cost: linear in the samples and stack frames; merge keys samples through primitive hash tables.
 */
public final class ProfileAlgebra {
  /** The label pprof puts on the samples of a diff's base profile. */
  public static final String BASE_LABEL = "pprof::base";

  private ProfileAlgebra() {}

  /**
   * Merges profiles with identical sample and period types (pprof's {@code profile.Merge}); throws
   * {@link IllegalArgumentException} when they differ.
   */
  public static Profile merge(List<Profile> profiles) {
    return ProfileMerger.merge(profiles);
  }

  /** Drops zero samples and whatever no sample uses, renumbering ids (pprof's {@code Compact}). */
  public static Profile compact(Profile profile) {
    return merge(List.of(profile));
  }

  /** Multiplies every value by {@code ratio}, keeping samples with a nonzero value. */
  public static Profile scale(Profile profile, double ratio) {
    double[] ratios = new double[profile.sampleTypes().size()];
    java.util.Arrays.fill(ratios, ratio);
    return scaleN(profile, ratios);
  }

  /**
   * Multiplies the values of each sample type by its own ratio, rounding half away from zero as
   * Go's {@code math.Round}, and keeps samples with a nonzero value (pprof's {@code ScaleN}).
   */
  public static Profile scaleN(Profile profile, double[] ratios) {
    int types = profile.sampleTypes().size();
    if (ratios.length != types) {
      throw new IllegalArgumentException(
          "mismatched scale ratios, got " + ratios.length + ", want " + types);
    }
    boolean allOnes = true;
    for (double r : ratios) {
      allOnes &= r == 1;
    }
    if (allOnes) {
      return profile;
    }
    ProfileBuilder b = withTables(profile);
    SampleCopier copier = new SampleCopier(profile, b);
    for (int s = 0; s < profile.sampleCount(); s++) {
      long[] v = copier.valuesOf(s);
      boolean keep = false;
      for (int t = 0; t < types; t++) {
        if (ratios[t] != 1) {
          v[t] = (long) goRound(v[t] * ratios[t]);
          keep |= v[t] != 0;
        }
      }
      if (keep) {
        copier.copy(s, v, profile.labels(s));
      }
    }
    return b.build();
  }

  /**
   * Sets the string label {@code key} of every sample to the single value {@code value}, replacing
   * any values it had (pprof's {@code SetLabel}).
   */
  public static Profile setLabel(Profile profile, String key, String value) {
    ProfileBuilder b = withTables(profile);
    SampleCopier copier = new SampleCopier(profile, b);
    Label label = Label.of(key, value);
    for (int s = 0; s < profile.sampleCount(); s++) {
      copier.copy(s, copier.valuesOf(s), withLabel(profile.labels(s), label));
    }
    return b.build();
  }

  /** {@code labels} with the string values of {@code label}'s key replaced by {@code label}. */
  static List<Label> withLabel(List<Label> labels, Label label) {
    if (labels.isEmpty()) {
      return List.of(label);
    }
    List<Label> out = new ArrayList<>(labels.size() + 1);
    boolean placed = false;
    for (Label l : labels) {
      if (l.isString() && l.key().equals(label.key())) {
        if (!placed) {
          out.add(label);
          placed = true;
        }
      } else {
        out.add(l);
      }
    }
    if (!placed) {
      out.add(label);
    }
    return out;
  }

  /**
   * What changed from {@code base} to {@code current}, as {@code go tool pprof -diff_base}: base
   * samples labelled {@value #BASE_LABEL}, scaled by -1, and merged after the current ones. Sample
   * types are first reduced to those both profiles have, in the current profile's order.
   */
  public static Profile diff(Profile base, Profile current) {
    // Sample types and units first: they commute with the labelling and negation, which the
    // merge then applies on the fly instead of building two intermediate profiles.
    List<Profile> both = SampleTypes.scaleUnits(SampleTypes.compatibilize(List.of(current, base)));
    return ProfileMerger.diff(both.get(0), both.get(1), Label.of(BASE_LABEL, "true"));
  }

  /** True when {@code profile} is a diff: some sample carries {@code pprof::base=true}. */
  public static boolean isDiff(Profile profile) {
    for (int s = 0; s < profile.sampleCount(); s++) {
      if (isBaseSample(profile, s)) {
        return true;
      }
    }
    return false;
  }

  /** True when sample {@code s} belongs to a diff's base. */
  public static boolean isBaseSample(Profile profile, int s) {
    for (int k = 0, n = profile.labelCount(s); k < n; k++) {
      Label l = profile.label(s, k);
      if (l.isString() && l.key().equals(BASE_LABEL) && l.str().equals("true")) {
        return true;
      }
    }
    return false;
  }

  /** A builder with {@code p}'s headers, mappings, locations and functions, and no samples. */
  static ProfileBuilder withTables(Profile p) {
    ProfileBuilder b = Profile.builder().copyHeaders(p);
    p.mappings().forEach(b::addMapping);
    p.locations().forEach(b::addLocation);
    p.functions().forEach(b::addFunction);
    return b;
  }

  /** Go's {@code math.Round}: half away from zero. */
  static double goRound(double x) {
    double t = Math.floor(Math.abs(x));
    if (Math.abs(x) - t >= 0.5) {
      t += 1;
    }
    return Math.copySign(t, x);
  }
}
