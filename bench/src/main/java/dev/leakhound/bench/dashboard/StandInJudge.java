package dev.leakhound.bench.dashboard;

import dev.leakhound.server.report.SignalVerdict;
import dev.leakhound.server.signal.Signal;
import dev.leakhound.server.watch.SignalJudge;
import dev.leakhound.server.watch.SignalSeries;
import java.time.Instant;

/**
 * A least-squares stand-in for the verdict engine, for the dashboard benchmark only: it gives the
 * simulated fleet a realistic mix of leak, suspect and no-leak verdicts (with a slope, an interval
 * and a time to the limit) so the overview renders every kind of row. It is not a detector: the
 * watch service uses the verdict engine.
 *
 * <p>Stateless and thread-safe. Cost: linear in the points.
 */
public final class StandInJudge implements SignalJudge {
  @Override
  public SignalVerdict judge(SignalSeries s, long nowMillis) {
    Signal signal = s.signal();
    double limit = s.limit();
    int n = s.size();
    if (n < 10) {
      return new SignalVerdict(
          signal.id(),
          SignalVerdict.INSUFFICIENT_DATA,
          null,
          null,
          null,
          0,
          null,
          null,
          n,
          0,
          0,
          Instant.ofEpochMilli(nowMillis).toString(),
          "fewer than 10 samples",
          null,
          null,
          null,
          null,
          null);
    }
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += (s.t()[i] - s.t()[0]) / 3_600_000.0;
      my += s.values()[i];
    }
    mx /= n;
    my /= n;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      double x = (s.t()[i] - s.t()[0]) / 3_600_000.0 - mx;
      sxx += x * x;
      sxy += x * (s.values()[i] - my);
    }
    double slope = sxx == 0 ? 0 : sxy / sxx;
    double sse = 0;
    for (int i = 0; i < n; i++) {
      double x = (s.t()[i] - s.t()[0]) / 3_600_000.0 - mx;
      double r = s.values()[i] - my - slope * x;
      sse += r * r;
    }
    double se = sxx == 0 ? 0 : Math.sqrt(sse / Math.max(1, n - 2) / sxx);
    double relative = my == 0 ? 0 : slope / my;
    String verdict =
        slope > 4 * se && relative > 0.05
            ? SignalVerdict.LEAK
            : slope > 2 * se && relative > 0.01 ? SignalVerdict.SUSPECT : SignalVerdict.NO_LEAK;
    double effectiveLimit = Double.isNaN(limit) ? 2.0 * 1024 * 1024 * 1024 : limit;
    Double ttl =
        slope > 0 && signal.unit() == Signal.Unit.BYTES
            ? Math.max(0, (effectiveLimit - s.values()[n - 1]) / slope * 3600)
            : null;
    return new SignalVerdict(
        signal.id(),
        verdict,
        slope,
        slope - 2 * se,
        slope + 2 * se,
        verdict.equals(SignalVerdict.NO_LEAK) ? 0.5 : 0.99,
        ttl,
        Double.isNaN(limit) ? effectiveLimit : limit,
        n,
        s.t()[0],
        s.t()[n - 1],
        Instant.ofEpochMilli(nowMillis).toString(),
        "least-squares stand-in: slope " + Math.round(slope) + "/h over " + n + " points",
        null,
        null,
        null,
        null,
        null);
  }
}
