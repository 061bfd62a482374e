package dev.leakhound.analysis.profile;

import dev.leakhound.formats.pprof.Function;
import dev.leakhound.formats.pprof.Label;
import dev.leakhound.formats.pprof.Line;
import dev.leakhound.formats.pprof.Location;
import dev.leakhound.formats.pprof.Mapping;
import dev.leakhound.formats.pprof.Profile;
import dev.leakhound.formats.pprof.ProfileBuilder;
import dev.leakhound.formats.pprof.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random heap-like profiles for oracle tests: a few functions (so stacks recurse and
 * repeat), locations with inlined lines, labels, and duplicate stacks.
 */
final class RandomProfiles {
  private RandomProfiles() {}

  static Profile heap(long seed, int samples) {
    return heap(seed, samples, 0x400000);
  }

  /** A heap profile whose binary is mapped at {@code start} (to exercise address rebasing). */
  static Profile heap(long seed, int samples, long start) {
    SplittableRandom r = new SplittableRandom(seed);
    ProfileBuilder b =
        Profile.builder()
            .addSampleType(new ValueType("inuse_objects", "count"))
            .addSampleType(new ValueType("inuse_space", "bytes"))
            .periodType(new ValueType("space", "bytes"))
            .period(524288)
            .timeNanos(1_700_000_000_000_000_000L + seed);
    b.addMapping(
        new Mapping(
            1, start, start + 0x100000, 0, "/srv/shop", "build-1", true, true, true, false));
    int functions = 3 + r.nextInt(6);
    for (int f = 1; f <= functions; f++) {
      b.addFunction(
          new Function(f, "main.f" + f, "main.f" + f, "/srv/f" + (f % 3) + ".go", f * 10));
    }
    int locations = functions + r.nextInt(8);
    for (int l = 1; l <= locations; l++) {
      List<Line> lines = new ArrayList<>();
      int inlined = r.nextInt(4) == 0 ? 2 : 1;
      for (int k = 0; k < inlined; k++) {
        lines.add(new Line(1 + r.nextInt(functions), 1 + r.nextInt(50), 0));
      }
      b.addLocation(new Location(l, 1, start + 0x1000L * l, lines, false));
    }
    for (int s = 0; s < samples; s++) {
      int depth = r.nextInt(7);
      long[] stack = new long[depth];
      for (int d = 0; d < depth; d++) {
        stack[d] = 1 + r.nextInt(locations);
      }
      long objects = r.nextInt(5) == 0 ? 0 : r.nextInt(100);
      long bytes = objects * (1 + r.nextInt(4096));
      List<Label> labels =
          r.nextBoolean() ? List.of(Label.ofNumber("bytes", 1 + r.nextInt(3), "")) : List.of();
      b.addSample(stack, new long[] {objects, bytes}, labels);
    }
    return b.build();
  }
}
