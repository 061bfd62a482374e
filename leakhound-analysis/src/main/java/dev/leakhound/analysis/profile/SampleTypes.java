package dev.leakhound.analysis.profile;

import dev.leakhound.formats.pprof.Profile;
import dev.leakhound.formats.pprof.ProfileBuilder;
import dev.leakhound.formats.pprof.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes profiles mergeable as pprof does before a diff: keeps only the sample types all profiles
 * share, in the first profile's order ({@code CompatibilizeSampleTypes}), then converts values to
 * the finest common unit, e.g. kilobytes to bytes ({@code measurement.ScaleProfiles}).
 *
 * <p>Stateless; thread-safe.
 */
final class SampleTypes {
  private SampleTypes() {}

  static List<Profile> compatibilize(List<Profile> profiles) {
    List<String> common = new ArrayList<>();
    for (ValueType t : profiles.get(0).sampleTypes()) {
      if (profiles.stream().allMatch(p -> indexOf(p, t.type()) >= 0)) {
        common.add(t.type());
      }
    }
    if (common.isEmpty()) {
      throw new IllegalArgumentException("the profiles have no sample type in common");
    }
    List<Profile> out = new ArrayList<>();
    for (Profile p : profiles) {
      out.add(keepTypes(p, common));
    }
    return out;
  }

  private static Profile keepTypes(Profile p, List<String> common) {
    int[] remap = new int[common.size()];
    boolean modify = common.size() != p.sampleTypes().size();
    String defaultType = common.get(0);
    for (int i = 0; i < remap.length; i++) {
      if (common.get(i).equals(p.defaultSampleType())) {
        defaultType = p.defaultSampleType();
      }
      remap[i] = indexOf(p, common.get(i));
      modify |= remap[i] != i;
    }
    if (!modify) {
      return p;
    }
    List<ValueType> types = new ArrayList<>();
    for (int i : remap) {
      types.add(p.sampleTypes().get(i));
    }
    ProfileBuilder b =
        ProfileAlgebra.withTables(p).sampleTypes(types).defaultSampleType(defaultType);
    SampleCopier copier = new SampleCopier(p, b);
    long[] v = new long[remap.length];
    for (int s = 0; s < p.sampleCount(); s++) {
      for (int i = 0; i < remap.length; i++) {
        v[i] = p.value(s, remap[i]);
      }
      copier.copy(s, v, p.labels(s));
    }
    return b.build();
  }

  /** Converts each sample type to the finest unit the profiles use for it. */
  static List<Profile> scaleUnits(List<Profile> profiles) {
    int n = profiles.get(0).sampleTypes().size();
    List<Profile> out = new ArrayList<>();
    for (Profile p : profiles) {
      double[] ratios = new double[n];
      List<ValueType> types = new ArrayList<>(p.sampleTypes());
      boolean change = false;
      for (int i = 0; i < n; i++) {
        String finest = finestUnit(profiles, i);
        String unit = p.sampleTypes().get(i).unit();
        ratios[i] = 1;
        if (!unit.equals(finest)) {
          ratios[i] = Measurement.scale(1, unit, finest).value();
          types.set(i, new ValueType(p.sampleTypes().get(i).type(), finest));
          change = true;
        }
      }
      if (!change) {
        out.add(p);
        continue;
      }
      Profile scaled = ProfileAlgebra.scaleN(p, ratios);
      ProfileBuilder b = ProfileAlgebra.withTables(scaled).sampleTypes(types);
      SampleCopier copier = new SampleCopier(scaled, b);
      for (int s = 0; s < scaled.sampleCount(); s++) {
        copier.copy(s);
      }
      out.add(b.build());
    }
    return out;
  }

  private static String finestUnit(List<Profile> profiles, int i) {
    ValueType finest = profiles.get(0).sampleTypes().get(i);
    for (Profile p : profiles.subList(1, profiles.size())) {
      ValueType t = p.sampleTypes().get(i);
      if (!compatible(finest, t)) {
        throw new IllegalArgumentException("incompatible sample types " + finest + " and " + t);
      }
      if (Measurement.scale(1, t.unit(), finest.unit()).value() < 1) {
        finest = t;
      }
    }
    return finest.unit();
  }

  private static boolean compatible(ValueType a, ValueType b) {
    String ta = a.type().endsWith("s") ? a.type().substring(0, a.type().length() - 1) : a.type();
    String tb = b.type().endsWith("s") ? b.type().substring(0, b.type().length() - 1) : b.type();
    if (!ta.equals(tb)) {
      return false;
    }
    return a.unit().equals(b.unit()) || Measurement.sameUnitType(a.unit(), b.unit());
  }

  private static int indexOf(Profile p, String type) {
    for (int i = 0; i < p.sampleTypes().size(); i++) {
      if (p.sampleTypes().get(i).type().equals(type)) {
        return i;
      }
    }
    return -1;
  }
}
