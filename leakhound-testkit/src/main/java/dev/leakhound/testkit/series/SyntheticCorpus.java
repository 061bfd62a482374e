package dev.leakhound.testkit.series;

import static dev.leakhound.testkit.series.MemorySeries.daily;
import static dev.leakhound.testkit.series.MemorySeries.piecewise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The synthetic half of the trend evaluation corpus (testdata/trend-corpus/syn-*): one seeded
 * {@link MemorySeries} per situation the verdict engine must get right, with its label. {@code
 * SyntheticCorpusTest} in leakhound-analysis checks the committed files against this class and
 * rewrites them with {@code -Dgolden.update=true}.
 *
 * <p>Stateless and thread-safe.
 */
public final class SyntheticCorpus {
  private static final double MIB = 1024 * 1024;
  private static final double H = 3600;
  private static final double M = 60;

  /**
   * One labelled series.
   *
   * @param name directory name
   * @param series the data
   * @param label the contents of label.properties
   */
  public record Entry(String name, MemorySeries series, String label) {}

  private SyntheticCorpus() {}

  /** Every synthetic series, in a stable order. */
  public static List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    double floor = 256 * MIB;
    out.add(
        leak(
            "syn-linear-leak-2pct-quiet",
            "linear leak of 2 %/h of the floor, little noise",
            MemorySeries.builder(101)
                .duration(12 * H)
                .sampling(30, 0)
                .floor(floor)
                .leak(0.02 * floor, 0)
                .gaussianNoise(1 * MIB)
                .wander(1 * MIB, 0.95),
            0,
            0.02 * floor,
            floor,
            1024 * MIB));
    out.add(
        leak(
            "syn-linear-leak-2pct-noisy",
            "linear leak of 2 %/h of the floor under heavy, autocorrelated noise",
            MemorySeries.builder(102)
                .duration(12 * H)
                .sampling(30, 0)
                .floor(floor)
                .leak(0.02 * floor, 0)
                .gaussianNoise(4 * MIB)
                .wander(4 * MIB, 0.95),
            0,
            0.02 * floor,
            floor,
            1024 * MIB));
    out.add(
        leak(
            "syn-linear-leak-5pct",
            "linear leak of 5 %/h of a 512 MiB floor",
            MemorySeries.builder(103)
                .duration(8 * H)
                .sampling(30, 0)
                .floor(512 * MIB)
                .leak(0.05 * 512 * MIB, 0)
                .gaussianNoise(4 * MIB),
            0,
            0.05 * 512 * MIB,
            512 * MIB,
            2048 * MIB));
    out.add(
        leak(
            "syn-linear-leak-20pct",
            "linear leak of 20 %/h of a 128 MiB floor, 15 s samples",
            MemorySeries.builder(104)
                .duration(4 * H)
                .sampling(15, 0)
                .floor(128 * MIB)
                .leak(0.2 * 128 * MIB, 0)
                .gaussianNoise(2 * MIB),
            0,
            0.2 * 128 * MIB,
            128 * MIB,
            512 * MIB));
    out.add(
        leak(
            "syn-linear-leak-100pct",
            "fast leak: the 64 MiB floor doubles every hour",
            MemorySeries.builder(105)
                .duration(2 * H)
                .sampling(15, 0)
                .floor(64 * MIB)
                .leak(64 * MIB, 0)
                .gaussianNoise(1 * MIB),
            0,
            64 * MIB,
            64 * MIB,
            512 * MIB));
    out.add(
        leak(
            "syn-step-leak",
            "step leak: 16 MiB every 45 minutes (a batch that keeps its results)",
            MemorySeries.builder(106)
                .duration(12 * H)
                .sampling(30, 0)
                .floor(floor)
                .stepLeak(16 * MIB, 45 * M, 65 * M)
                .gaussianNoise(1 * MIB),
            65 * M,
            16 * MIB * 60 / 45,
            floor,
            1024 * MIB));
    out.add(
        control(
            "syn-sawtooth-flat",
            "GC sawtooth of the live heap (no GC markers), flat floor",
            MemorySeries.builder(107)
                .duration(6 * H)
                .sampling(15, 0)
                .floor(200 * MIB)
                .gaussianNoise(1 * MIB)
                .sawtooth(40, false),
            "live_heap",
            1024 * MIB));
    out.add(
        leak(
            "syn-sawtooth-leak",
            "GC sawtooth of the live heap (no GC markers) over a floor leaking 10 %/h",
            MemorySeries.builder(108)
                .duration(6 * H)
                .sampling(15, 0)
                .floor(200 * MIB)
                .leak(20 * MIB, 0)
                .gaussianNoise(1 * MIB)
                .sawtooth(40, false),
            0,
            20 * MIB,
            200 * MIB,
            1024 * MIB,
            "live_heap"));
    out.add(
        leak(
            "syn-sawtooth-gc-counter-leak",
            "live heap sampled every 15 s, a GC every ~2 min counted in gc_cycles, leak 5 %/h",
            MemorySeries.builder(109)
                .duration(6 * H)
                .sampling(15, 0)
                .floor(200 * MIB)
                .leak(10 * MIB, 0)
                .gaussianNoise(1 * MIB)
                .sawtooth(120, true),
            0,
            10 * MIB,
            200 * MIB,
            1024 * MIB,
            "live_heap"));
    out.add(
        control(
            "syn-cache-warmup",
            "a cache warming up to +150 MiB with an 8-minute time constant, then flat",
            MemorySeries.builder(110)
                .duration(8 * H)
                .sampling(30, 0)
                .floor(200 * MIB)
                .cacheWarmUp(150 * MIB, 8 * M)
                .gaussianNoise(1.5 * MIB),
            "heap_after_gc",
            1024 * MIB));
    out.add(
        control(
            "syn-cache-fill-linear",
            "a bounded LRU cache filling linearly for 6 minutes, then flat",
            MemorySeries.builder(111)
                .duration(6 * H)
                .sampling(30, 0)
                .floor(200 * MIB)
                .cacheFill(100 * MIB, 6 * M)
                .gaussianNoise(1.5 * MIB),
            "heap_after_gc",
            1024 * MIB));
    var ramp = piecewise(0, 50, 1 * H, 50, 3 * H, 400, 4 * H, 400, 6 * H, 50);
    out.add(
        control(
            "syn-load-ramp-up-down",
            "load ramps 50 -> 400 req/s and back; 256 KiB in flight per req/s",
            MemorySeries.builder(112)
                .duration(8 * H)
                .sampling(30, 0)
                .floor(floor)
                .load(ramp, 256 * 1024, 0)
                .gaussianNoise(1.5 * MIB),
            "heap_after_gc",
            1024 * MIB));
    out.add(
        leak(
            "syn-load-ramp-leak",
            "the same load ramps, and 32 bytes kept per request",
            MemorySeries.builder(113)
                .duration(8 * H)
                .sampling(30, 0)
                .floor(floor)
                .load(ramp, 256 * 1024, 32)
                .gaussianNoise(1.5 * MIB),
            0,
            32 * 50 * H,
            floor,
            1024 * MIB));
    out.add(
        control(
            "syn-daily-cycle",
            "two days of a daily load cycle (200 req/s +-60 %), floor follows load",
            MemorySeries.builder(114)
                .duration(48 * H)
                .sampling(120, 0.1)
                .floor(300 * MIB)
                .load(daily(200, 0.6, 6 * H), 512 * 1024, 0)
                .gaussianNoise(2 * MIB),
            "heap_after_gc",
            2048 * MIB));
    out.add(
        leak(
            "syn-daily-cycle-leak",
            "the same daily cycle over a 3 %/h leak",
            MemorySeries.builder(115)
                .duration(48 * H)
                .sampling(120, 0.1)
                .floor(300 * MIB)
                .load(daily(200, 0.6, 6 * H), 512 * 1024, 0)
                .leak(0.03 * 300 * MIB, 0)
                .gaussianNoise(2 * MIB),
            0,
            0.03 * 300 * MIB,
            300 * MIB,
            4096 * MIB));
    out.add(
        control(
            "syn-restarts-no-leak",
            "three restarts, each followed by a cache warm-up (2-minute time constant); process_start"
                + " marks them",
            MemorySeries.builder(116)
                .duration(12 * H)
                .sampling(30, 0)
                .floor(floor)
                .cacheWarmUp(50 * MIB, 2 * M)
                .gaussianNoise(1.5 * MIB)
                .restart(3 * H)
                .restart(7 * H)
                .restart(9.5 * H),
            "heap_after_gc",
            1024 * MIB));
    out.add(
        leak(
            "syn-oom-restarts-leak",
            "a 15 %/h leak killed and restarted twice (process_start marks it)",
            MemorySeries.builder(117)
                .duration(12 * H)
                .sampling(30, 0)
                .floor(floor)
                .leak(0.15 * floor, 0)
                .gaussianNoise(1.5 * MIB)
                .restart(4 * H)
                .restart(8 * H),
            0,
            0.15 * floor,
            floor,
            512 * MIB));
    out.add(
        leak(
            "syn-oom-restarts-unmarked-leak",
            "the same leak and restarts with no restart marker: only the drops show them",
            MemorySeries.builder(118)
                .duration(12 * H)
                .sampling(30, 0)
                .floor(floor)
                .leak(0.15 * floor, 0)
                .gaussianNoise(1.5 * MIB)
                .restart(4 * H)
                .restart(8 * H),
            0,
            0.15 * floor,
            floor,
            512 * MIB));
    out.add(
        control(
            "syn-deploy-level-shift",
            "a deploy at 5 h raises the floor by 60 MiB for good (no restart marker)",
            MemorySeries.builder(119)
                .duration(10 * H)
                .sampling(30, 0)
                .floor(floor)
                .levelShift(5 * H, 60 * MIB)
                .gaussianNoise(1.5 * MIB),
            "heap_after_gc",
            1024 * MIB));
    out.add(
        control(
            "syn-heavy-tailed-flat",
            "flat floor under Student-t(2) noise: rare huge spikes",
            MemorySeries.builder(120)
                .duration(8 * H)
                .sampling(30, 0)
                .floor(floor)
                .heavyTailedNoise(3 * MIB),
            "heap_after_gc",
            1024 * MIB));
    out.add(
        leak(
            "syn-heavy-tailed-leak",
            "a 5 %/h leak under Student-t(2) noise",
            MemorySeries.builder(121)
                .duration(8 * H)
                .sampling(30, 0)
                .floor(floor)
                .leak(0.05 * floor, 0)
                .heavyTailedNoise(3 * MIB),
            0,
            0.05 * floor,
            floor,
            1024 * MIB));
    out.add(
        control(
            "syn-irregular-missing-flat",
            "irregular 60 s samples (+-40 %), 10 % missing values, a 40-minute outage",
            MemorySeries.builder(122)
                .duration(8 * H)
                .sampling(60, 0.4)
                .missing(0.1)
                .gap(2 * H, 2 * H + 40 * M)
                .floor(floor)
                .gaussianNoise(2 * MIB)
                .wander(2 * MIB, 0.9),
            "heap_after_gc",
            1024 * MIB));
    out.add(
        leak(
            "syn-irregular-missing-leak",
            "the same irregular, gappy sampling over a 4 %/h leak",
            MemorySeries.builder(123)
                .duration(8 * H)
                .sampling(60, 0.4)
                .missing(0.1)
                .gap(2 * H, 2 * H + 40 * M)
                .floor(floor)
                .leak(0.04 * floor, 0)
                .gaussianNoise(2 * MIB)
                .wander(2 * MIB, 0.9),
            0,
            0.04 * floor,
            floor,
            1024 * MIB));
    out.add(
        leak(
            "syn-late-leak",
            "flat for 5 h, then a 5 %/h leak begins",
            MemorySeries.builder(124)
                .duration(10 * H)
                .sampling(30, 0)
                .floor(floor)
                .leak(0.05 * floor, 5 * H)
                .gaussianNoise(1.5 * MIB),
            5 * H,
            0.05 * floor,
            floor,
            1024 * MIB));
    out.add(
        leakCount(
            "syn-goroutine-leak",
            "goroutines: 120 plus in-flight ones, 6 more stuck every hour (5 %/h)",
            MemorySeries.builder(125)
                .duration(8 * H)
                .sampling(30, 0)
                .floor(120)
                .leak(6, 0)
                .gaussianNoise(4)
                .signal("goroutines"),
            6,
            120));
    out.add(
        control(
            "syn-goroutines-steady",
            "goroutines: 120 plus a noisy number in flight, no growth",
            MemorySeries.builder(126)
                .duration(8 * H)
                .sampling(30, 0)
                .floor(120)
                .gaussianNoise(6)
                .heavyTailedNoise(2)
                .signal("goroutines"),
            "goroutines",
            Double.NaN));
    out.add(
        control(
            "syn-slow-creep",
            "creep of 0.3 %/h of a 512 MiB floor: real, but below the practical minimum of 1 %/h",
            MemorySeries.builder(127)
                .duration(24 * H)
                .sampling(60, 0)
                .floor(512 * MIB)
                .leak(0.003 * 512 * MIB, 0)
                .gaussianNoise(1 * MIB),
            "heap_after_gc",
            2048 * MIB));
    out.add(
        control(
            "syn-random-walk",
            "no trend, but the floor wanders (AR(1), phi 0.98 per 30 s): what fools a plain test",
            MemorySeries.builder(128)
                .duration(12 * H)
                .sampling(30, 0)
                .floor(floor)
                .wander(6 * MIB, 0.98)
                .gaussianNoise(1 * MIB),
            "heap_after_gc",
            1024 * MIB));
    return out;
  }

  private static Entry leak(
      String name,
      String description,
      MemorySeries.Builder b,
      double start,
      double ratePerHour,
      double startFloor,
      double limit) {
    return leak(name, description, b, start, ratePerHour, startFloor, limit, "heap_after_gc");
  }

  private static Entry leak(
      String name,
      String description,
      MemorySeries.Builder b,
      double start,
      double ratePerHour,
      double startFloor,
      double limit,
      String column) {
    MemorySeries s = b.build();
    return new Entry(
        name,
        s,
        label(
            name,
            description,
            true,
            start,
            ratePerHour,
            ratePerHour / startFloor,
            column,
            s,
            limit));
  }

  private static Entry leakCount(
      String name, String description, MemorySeries.Builder b, double rate, double startFloor) {
    MemorySeries s = b.build();
    return new Entry(
        name,
        s,
        label(name, description, true, 0, rate, rate / startFloor, "goroutines", s, Double.NaN));
  }

  private static Entry control(
      String name, String description, MemorySeries.Builder b, String column, double limit) {
    MemorySeries s = b.build();
    return new Entry(name, s, label(name, description, false, Double.NaN, 0, 0, column, s, limit));
  }

  private static String label(
      String name,
      String description,
      boolean leak,
      double start,
      double ratePerHour,
      double relative,
      String column,
      MemorySeries s,
      double limit) {
    StringBuilder out = new StringBuilder();
    out.append("# ").append(name).append(": ").append(description).append('\n');
    out.append("source=synthetic: dev.leakhound.testkit.series.SyntheticCorpus\n");
    out.append("leak=").append(leak).append('\n');
    if (leak) {
      out.append("leak_start=").append(fmt(MemorySeries.EPOCH + start)).append('\n');
      out.append("rate_per_hour=").append(fmt(ratePerHour)).append('\n');
      out.append(String.format(Locale.ROOT, "relative_rate_per_hour=%.4f%n", relative));
    }
    out.append("column=").append(column).append('\n');
    if (s.columnNames().contains("requests_total")) {
      out.append("load_column=requests_total\n");
    }
    if (!Double.isNaN(limit)) {
      out.append("limit=").append(fmt(limit)).append('\n');
    }
    return out.toString();
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
