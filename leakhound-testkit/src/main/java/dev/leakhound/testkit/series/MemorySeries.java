package dev.leakhound.testkit.series;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * A seeded generator of synthetic memory signals for the trend corpus and the benchmarks: a base
 * floor plus the effects a real service shows (leaks, caches warming up, load, daily cycles,
 * restarts, level shifts, GC sawtooth, several kinds of noise, irregular and missing samples),
 * written as the columns of a signals CSV.
 *
 * <p>The same seed and settings always give the same series. Builders are not thread-safe; the
 * series they build are immutable.
 */
public final class MemorySeries {
  /** 2026-01-01T00:00:00Z: where synthetic series start. */
  public static final double EPOCH = 1_767_225_600;

  private final Map<String, double[]> columns;
  private final double[] times;

  private MemorySeries(double[] times, Map<String, double[]> columns) {
    this.times = times;
    this.columns = columns;
  }

  public static Builder builder(long seed) {
    return new Builder(seed);
  }

  /** Sample times, unix seconds. */
  public double[] times() {
    return times.clone();
  }

  /** A column by name (NaN for a missing sample), or null. */
  public double[] column(String name) {
    double[] c = columns.get(name);
    return c == null ? null : c.clone();
  }

  /** Column names in CSV order (time first is implied). */
  public List<String> columnNames() {
    return List.copyOf(columns.keySet());
  }

  /** The series as CSV text: {@code time,<columns>}; integers where values are whole. */
  public String toCsv() {
    StringBuilder out = new StringBuilder("time");
    for (String name : columns.keySet()) {
      out.append(',').append(name);
    }
    out.append('\n');
    for (int i = 0; i < times.length; i++) {
      out.append(format(times[i]));
      for (double[] c : columns.values()) {
        out.append(',');
        if (!Double.isNaN(c[i])) {
          out.append(format(c[i]));
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.3f", v);
  }

  /** Settings for one series. Times are seconds from the series start. */
  public static final class Builder {
    private final SplittableRandom random;
    private double duration = 6 * 3600;
    private double interval = 30;
    private double jitter;
    private double missing;
    private final List<double[]> gaps = new ArrayList<>();
    private double floor = 256 * 1024 * 1024;
    private double leakPerHour;
    private double leakStart;
    private double stepBytes;
    private double stepEvery;
    private double stepStart;
    private double gaussian;
    private double heavyTail;
    private double arSd;
    private double arPhi;
    private double cacheBytes;
    private double cacheTau;
    private double fillSeconds;
    private DoubleUnaryOperator rate;
    private double bytesPerRate;
    private double bytesPerRequest;
    private final List<Double> restarts = new ArrayList<>();
    private double shiftAt = Double.NaN;
    private double shiftBytes;
    private double gcPeriod;
    private boolean gcCounter;
    private String signal = "heap_after_gc";

    private Builder(long seed) {
      this.random = new SplittableRandom(seed);
    }

    public Builder duration(double seconds) {
      this.duration = seconds;
      return this;
    }

    /** Sampling interval, with each sample moved by up to {@code jitter} of it either way. */
    public Builder sampling(double seconds, double jitter) {
      this.interval = seconds;
      this.jitter = jitter;
      return this;
    }

    /** Each sample's value is missing (an empty cell) with this probability. */
    public Builder missing(double probability) {
      this.missing = probability;
      return this;
    }

    /** No samples at all in [from, to): a scrape outage. */
    public Builder gap(double from, double to) {
      gaps.add(new double[] {from, to});
      return this;
    }

    /** The base floor, bytes. */
    public Builder floor(double bytes) {
      this.floor = bytes;
      return this;
    }

    /** A linear leak from {@code start}; it starts over at each restart. */
    public Builder leak(double bytesPerHour, double start) {
      this.leakPerHour = bytesPerHour;
      this.leakStart = start;
      return this;
    }

    /** A leak by steps of {@code bytes}: the first at {@code start}, then every {@code every}. */
    public Builder stepLeak(double bytes, double every, double start) {
      this.stepBytes = bytes;
      this.stepEvery = every;
      this.stepStart = start;
      return this;
    }

    public Builder gaussianNoise(double sd) {
      this.gaussian = sd;
      return this;
    }

    /** Student-t noise with 2 degrees of freedom (infinite variance), times {@code scale}. */
    public Builder heavyTailedNoise(double scale) {
      this.heavyTail = scale;
      return this;
    }

    /** AR(1) noise: slow wander of the floor with lag-one correlation {@code phi}. */
    public Builder wander(double sd, double phi) {
      this.arSd = sd;
      this.arPhi = phi;
      return this;
    }

    /** A cache that fills towards {@code bytes} with time constant {@code tau} after each start. */
    public Builder cacheWarmUp(double bytes, double tau) {
      this.cacheBytes = bytes;
      this.cacheTau = tau;
      this.fillSeconds = 0;
      return this;
    }

    /** A bounded cache that fills linearly to {@code bytes} in {@code seconds}, then stays. */
    public Builder cacheFill(double bytes, double seconds) {
      this.cacheBytes = bytes;
      this.fillSeconds = seconds;
      this.cacheTau = 0;
      return this;
    }

    /**
     * Load: the request rate (requests/s) at each second; the floor holds {@code bytesPerRate} per
     * request/s in flight and keeps {@code bytesPerRequest} per request served (a leak).
     */
    public Builder load(DoubleUnaryOperator rate, double bytesPerRate, double bytesPerRequest) {
      this.rate = rate;
      this.bytesPerRate = bytesPerRate;
      this.bytesPerRequest = bytesPerRequest;
      return this;
    }

    /** The process restarts at {@code at}: caches and leaks start over. */
    public Builder restart(double at) {
      restarts.add(at);
      return this;
    }

    /** The level moves by {@code bytes} at {@code at} and stays (a deploy or config change). */
    public Builder levelShift(double at, double bytes) {
      this.shiftAt = at;
      this.shiftBytes = bytes;
      return this;
    }

    /**
     * Sample the live heap instead of its floor: allocation saws it up to twice the floor over each
     * GC period; with {@code counter}, a {@code gc_cycles} column counts the collections.
     */
    public Builder sawtooth(double gcPeriod, boolean counter) {
      this.gcPeriod = gcPeriod;
      this.gcCounter = counter;
      this.signal = "live_heap";
      return this;
    }

    /** Names the signal column (default heap_after_gc, or live_heap with a sawtooth). */
    public Builder signal(String name) {
      this.signal = name;
      return this;
    }

    public MemorySeries build() {
      List<Double> t = new ArrayList<>();
      for (double s = 0; s <= duration; s += interval) {
        double at = s + (jitter > 0 ? (random.nextDouble() * 2 - 1) * jitter * interval : 0);
        at = Math.min(Math.max(at, 0), duration);
        if (!t.isEmpty() && at <= t.get(t.size() - 1)) {
          continue;
        }
        final double sample = at;
        if (gaps.stream().noneMatch(g -> sample >= g[0] && sample < g[1])) {
          t.add(at);
        }
      }
      int n = t.size();
      double[] times = new double[n];
      double[] value = new double[n];
      double[] gc = new double[n];
      double[] requests = new double[n];
      double[] starts = new double[n];
      double ar = 0;
      double lastT = 0;
      double served = 0;
      double servedThisLife = 0;
      double gcCount = 0;
      double nextGc = gcPeriod > 0 ? gcPeriod * random.nextDouble() : Double.POSITIVE_INFINITY;
      double lastGc = 0;
      for (int i = 0; i < n; i++) {
        double s = t.get(i);
        double life = lifeStart(s);
        if (i > 0 && life > lifeStart(lastT)) {
          served = 0;
          servedThisLife = 0;
          gcCount = 0;
          nextGc = s + (gcPeriod > 0 ? gcPeriod * random.nextDouble() : Double.POSITIVE_INFINITY);
        }
        double r = rate == null ? 0 : rate.applyAsDouble(s);
        if (i > 0 && rate != null) {
          double dt = s - Math.max(lastT, life);
          double mean = (rate.applyAsDouble(Math.max(lastT, life)) + r) / 2;
          served += Math.max(0, dt) * mean;
          servedThisLife += Math.max(0, dt) * mean;
        }
        double age = s - life;
        double level = floor;
        if (cacheBytes > 0) {
          level +=
              cacheTau > 0
                  ? cacheBytes * (1 - Math.exp(-age / cacheTau))
                  : cacheBytes * Math.min(1, age / fillSeconds);
        }
        if (leakPerHour > 0 && s >= leakStart) {
          level += leakPerHour * (s - Math.max(leakStart, life)) / 3600;
        }
        if (stepBytes > 0 && s >= stepStart) {
          level += stepBytes * (1 + Math.floor((s - Math.max(stepStart, life)) / stepEvery));
        }
        if (!Double.isNaN(shiftAt) && s >= shiftAt) {
          level += shiftBytes;
        }
        level += bytesPerRate * r + bytesPerRequest * servedThisLife;
        if (arSd > 0) {
          ar = arPhi * ar + Math.sqrt(1 - arPhi * arPhi) * arSd * random.nextGaussian();
          level += ar;
        }
        if (gaussian > 0) {
          level += gaussian * random.nextGaussian();
        }
        if (heavyTail > 0) {
          double z = random.nextGaussian();
          double chi = -2 * Math.log(1 - random.nextDouble());
          level += heavyTail * z / Math.sqrt(chi / 2);
        }
        double sampled = level;
        if (gcPeriod > 0) {
          while (nextGc <= s) {
            gcCount++;
            lastGc = nextGc;
            nextGc += gcPeriod * (0.7 + 0.6 * random.nextDouble());
          }
          double phase = Math.min(1, (s - Math.max(lastGc, life)) / gcPeriod);
          sampled = level * (1 + phase);
        }
        times[i] = EPOCH + s;
        value[i] = random.nextDouble() < missing ? Double.NaN : Math.max(0, Math.round(sampled));
        gc[i] = gcCount;
        requests[i] = Math.round(served);
        starts[i] = EPOCH + life;
        lastT = s;
      }
      Map<String, double[]> columns = new LinkedHashMap<>();
      columns.put(signal, value);
      if (gcCounter) {
        columns.put("gc_cycles", gc);
      }
      if (rate != null) {
        columns.put("requests_total", requests);
      }
      if (!restarts.isEmpty()) {
        columns.put("process_start", starts);
      }
      return new MemorySeries(times, columns);
    }

    private double lifeStart(double s) {
      double life = 0;
      for (double r : restarts) {
        if (r <= s) {
          life = Math.max(life, r);
        }
      }
      return life;
    }
  }

  /** A rate profile: {@code base} requests/s following a daily sine of relative amplitude. */
  public static DoubleUnaryOperator daily(double base, double amplitude, double phaseSeconds) {
    return s -> base * (1 + amplitude * Math.sin(2 * Math.PI * (s - phaseSeconds) / 86400));
  }

  /** A piecewise-linear rate through (time, rate) points; flat outside them. */
  public static DoubleUnaryOperator piecewise(double... timeRatePairs) {
    double[] p = Arrays.copyOf(timeRatePairs, timeRatePairs.length);
    return s -> {
      if (s <= p[0]) {
        return p[1];
      }
      for (int i = 2; i < p.length; i += 2) {
        if (s <= p[i]) {
          double f = (s - p[i - 2]) / (p[i] - p[i - 2]);
          return p[i - 1] + f * (p[i + 1] - p[i - 1]);
        }
      }
      return p[p.length - 1];
    };
  }
}
