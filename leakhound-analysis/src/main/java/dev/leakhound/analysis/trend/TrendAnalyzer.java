package dev.leakhound.analysis.trend;

import dev.leakhound.analysis.trend.stats.Ranks;
import java.util.Arrays;

/**
 * The verdict engine: decides whether one memory signal leaks. It judges the floor, never the
 * sawtooth; only the current process lifetime (cut at restarts) after its warm-up, and within it
 * only the current regime (cut at drops, a single level shift, or where growth began); tests the
 * trend with Mann-Kendall corrected for autocorrelation and measures it with Theil-Sen; then asks
 * the load guard (does the growth follow the request rate?), the plateau guard (has it levelled
 * off?) and the practical minimum (is it worth paging anyone?). README's "How the verdict is made"
 * walks through it.
 *
 * <p>Stateless apart from its options and thread-safe: one analyzer serves every target and signal
 * of a watcher. Each call costs O(n log n) in the samples given, with the statistics on at most
 * {@link TrendOptions#maxStatisticPoints()} points; the watcher calls it at every evaluation with
 * the window it keeps.
 */
public final class TrendAnalyzer {
  private final TrendOptions options;

  /** An analyzer with {@link TrendOptions#defaults()}. */
  public TrendAnalyzer() {
    this(TrendOptions.defaults());
  }

  public TrendAnalyzer(TrendOptions options) {
    this.options = options;
  }

  public TrendOptions options() {
    return options;
  }

  /** The verdict on {@code input}. Never throws on valid input, however short. */
  public Verdict analyze(TrendInput input) {
    int n = input.size();
    Lifetime life = Lifetime.current(input);
    Floor floor = FloorExtractor.extract(input, life.from, n);
    double warmUpEnd = life.start + options.warmUpSeconds();
    int first = 0;
    while (first < floor.size() && floor.times()[first] < warmUpEnd) {
      first++;
    }
    double skipped =
        n == 0 ? 0 : Math.max(0, Math.min(warmUpEnd, input.time(n - 1)) - input.time(life.from));
    double[][] thinned =
        thin(
            Arrays.copyOfRange(floor.times(), first, floor.size()),
            Arrays.copyOfRange(floor.values(), first, floor.size()),
            options.maxStatisticPoints());
    double[] t = thinned[0];
    double[] raw = thinned[1];
    LoadGuard.Load load =
        LoadGuard.measure(input, life.from, n, t, raw, rateWindow(input, life.from));
    boolean adjustForLoad = load != null && !load.steady();
    // Segment and test the floor with the load-following part removed: a falling load is not a
    // drop, a rising one is not a leak.
    double[] f = adjustForLoad ? load.adjusted() : raw;
    Regimes.Regime regime =
        t.length >= options.minimumPoints()
            ? Regimes.find(t, f, options)
            : new Regimes.Regime(0, null, new double[0]);
    int from = regime.start();
    double[] tj = Arrays.copyOfRange(t, from, t.length);
    double[] fj = Arrays.copyOfRange(f, from, f.length);
    double[] rawj = Arrays.copyOfRange(raw, from, raw.length);
    String cause = regime.cause() != null ? regime.cause() : life.cause;
    Evidence e = new Evidence(input, life, floor, skipped, regime, cause);
    double span = tj.length == 0 ? 0 : tj[tj.length - 1] - tj[0];
    if (tj.length < options.minimumPoints() || span < options.minimumSpanSeconds()) {
      return Decision.insufficient(input, options, e, tj.length, span, floor.size() - first);
    }
    double level = options.confidenceLevel();
    WindowStats.Fit whole = WindowStats.of(tj, rawj, 0, tj.length, level);
    Adjusted adjusted =
        adjustForLoad ? perRequest(tj, fj, Arrays.copyOfRange(load.total(), from, t.length)) : null;
    LoadCheck loadCheck =
        LoadGuard.check(
            load, t, raw, from, adjusted == null ? null : adjusted.fit(), options.leakAlpha());
    boolean useAdjusted =
        loadCheck.outcome() == LoadCheck.Outcome.FOLLOWS_LOAD
            || loadCheck.outcome() == LoadCheck.Outcome.PERSISTS_UNDER_LOAD;
    WindowStats.Fit basis = useAdjusted ? adjusted.fit() : whole;
    PlateauGuard.Result plateau =
        basis.test().pValue() < options.suspectAlpha() && basis.slope() > 0
            ? (useAdjusted
                ? plateauAdjusted(adjusted, basis)
                : PlateauGuard.check(tj, tj, rawj, 1, basis, options))
            : new PlateauGuard.Result(
                new PlateauCheck(PlateauCheck.Outcome.NOT_CHECKED, 0, null), null);
    // The pace now: growth per request at today's request rate when growth was judged per request.
    double pace = basis.slope();
    if (useAdjusted && adjusted.axis() != adjusted.times() && adjusted.axisPerSecond() > 0) {
      pace = basis.slope() * load.rate()[t.length - 1] / adjusted.axisPerSecond();
    }
    return Decision.decide(input, options, e, tj, whole, basis, pace, loadCheck, plateau);
  }

  /**
   * The trend of the load-adjusted floor, against requests served (growth per request, whatever the
   * pace of the load; points where no request was served in between are dropped, the axis must
   * increase; slopes reported per hour at the window's mean request rate) or against time,
   * whichever shows growth better.
   */
  private Adjusted perRequest(double[] t, double[] f, double[] total) {
    int n = t.length;
    double[] axis = new double[n];
    double[] values = new double[n];
    double[] times = new double[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (m == 0 || total[i] > axis[m - 1]) {
        axis[m] = total[i];
        values[m] = f[i];
        times[m] = t[i];
        m++;
      }
    }
    double level = options.confidenceLevel();
    Adjusted byTime = new Adjusted(WindowStats.of(t, f, 0, n, level), t, t, f, 1);
    if (m < options.minimumPoints() || !(times[m - 1] > times[0]) || !(axis[m - 1] > axis[0])) {
      return byTime;
    }
    axis = Arrays.copyOf(axis, m);
    values = Arrays.copyOf(values, m);
    times = Arrays.copyOf(times, m);
    double perSecond = (axis[m - 1] - axis[0]) / (times[m - 1] - times[0]);
    WindowStats.Fit screen =
        WindowStats.along(axis, values, 0, m, level, perSecond, t[0], t[n - 1], false);
    WindowStats.Fit timeScreen = WindowStats.quick(t, f, 0, n, level);
    // A leak per request is straight against requests, a leak per hour against time: pick the
    // axis that shows growth better (screened cheaply), fit it exactly, and pay for the choice by
    // doubling the p-value (Bonferroni).
    Adjusted better =
        screen.test().pValue() <= timeScreen.test().pValue()
            ? new Adjusted(
                WindowStats.along(axis, values, 0, m, level, perSecond, t[0], t[n - 1], true),
                times,
                axis,
                values,
                perSecond)
            : byTime;
    return new Adjusted(
        better.fit().withPValue(Math.min(1, 2 * better.fit().test().pValue())),
        better.times(),
        better.axis(),
        better.values(),
        better.axisPerSecond());
  }

  /**
   * The load-adjusted floor as judged: its fit, the points' times, the axis it was fitted along
   * (the times, or requests served) and the axis units per second.
   */
  private record Adjusted(
      WindowStats.Fit fit, double[] times, double[] axis, double[] values, double axisPerSecond) {}

  /**
   * The plateau guard on the load-adjusted floor along the axis it was judged on; when that axis is
   * requests served, a floor that levelled off in time (rose during a burst of load and stayed)
   * counts too: along requests the quiet stretch after a burst is too short to see.
   */
  private PlateauGuard.Result plateauAdjusted(Adjusted adjusted, WindowStats.Fit basis) {
    PlateauGuard.Result alongAxis =
        PlateauGuard.check(
            adjusted.times(),
            adjusted.axis(),
            adjusted.values(),
            adjusted.axisPerSecond(),
            basis,
            options);
    if (adjusted.axis() == adjusted.times()) {
      return alongAxis;
    }
    double[] times = adjusted.times();
    WindowStats.Fit inTime =
        WindowStats.quick(times, adjusted.values(), 0, times.length, options.confidenceLevel());
    PlateauGuard.Result alongTime =
        PlateauGuard.check(times, times, adjusted.values(), 1, inTime, options);
    return alongTime.check().outcome() == PlateauCheck.Outcome.LEVELLED_OFF ? alongTime : alongAxis;
  }

  /** Seconds over which the request rate at a floor point is measured. */
  private static double rateWindow(TrendInput in, int from) {
    int n = in.size();
    double[] times = new double[n - from];
    for (int i = from; i < n; i++) {
      times[i - from] = in.time(i);
    }
    double gap = FloorExtractor.medianGap(times);
    return Math.max(60, Double.isNaN(gap) ? 60 : 2 * gap);
  }

  /** Block medians of consecutive points when there are more than {@code max}. */
  static double[][] thin(double[] t, double[] f, int max) {
    int n = t.length;
    if (n <= max) {
      return new double[][] {t, f};
    }
    int block = (n + max - 1) / max;
    int m = (n + block - 1) / block;
    double[] tt = new double[m];
    double[] ff = new double[m];
    double[] scratch = new double[block];
    for (int b = 0; b < m; b++) {
      int from = b * block;
      int to = Math.min(n, from + block);
      tt[b] = t[(from + to - 1) / 2];
      System.arraycopy(f, from, scratch, 0, to - from);
      ff[b] = Ranks.median(scratch, to - from);
    }
    return new double[][] {tt, ff};
  }

  /** The current process lifetime: where it starts and how many restarts came before. */
  record Lifetime(int from, double start, int restarts, String cause) {
    static Lifetime current(TrendInput in) {
      int from = 0;
      int restarts = 0;
      double ps = Double.NaN;
      double gc = Double.NaN;
      double req = Double.NaN;
      for (int i = 0; i < in.size(); i++) {
        boolean restart =
            (!Double.isNaN(ps)
                    && !Double.isNaN(in.processStart(i))
                    && Math.abs(in.processStart(i) - ps) > 1)
                || (!Double.isNaN(gc) && in.gcCycle(i) < gc)
                || (!Double.isNaN(req) && in.requests(i) < req);
        if (restart) {
          restarts++;
          from = i;
        }
        ps = Double.isNaN(in.processStart(i)) ? ps : in.processStart(i);
        gc = Double.isNaN(in.gcCycle(i)) ? gc : in.gcCycle(i);
        req = Double.isNaN(in.requests(i)) ? req : in.requests(i);
      }
      if (in.size() == 0) {
        return new Lifetime(0, 0, 0, "series start");
      }
      double start = in.time(from);
      double reported = in.processStart(from);
      if (!Double.isNaN(reported) && reported <= start) {
        start = reported;
      }
      return new Lifetime(from, start, restarts, restarts > 0 ? "restart" : "series start");
    }
  }

  /** What the verdict's evidence needs to know about the steps before the statistics. */
  record Evidence(
      TrendInput input,
      Lifetime life,
      Floor floor,
      double warmUpSkipped,
      Regimes.Regime regime,
      String cause) {}
}
