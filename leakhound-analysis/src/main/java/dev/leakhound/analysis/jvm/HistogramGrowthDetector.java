package dev.leakhound.analysis.jvm;

import dev.leakhound.analysis.pattern.LeakPattern;
import dev.leakhound.formats.jvm.ClassHistogram;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the classes that leak from a series of class histograms, in the spirit of Cork (Jump and
 * McKinley, "Cork: Dynamic Memory Leak Detection for Garbage-Collected Languages", POPL 2007): a
 * class is a suspect when its volume grows across successive collections, steadily, not merely
 * between the first and the last.
 *
 * <ul>
 *   <li><b>Score</b> (Cork's ratio ranking, simplified): over consecutive histograms, each interval
 *       in which a class's bytes grow by a ratio {@code q > 1.01} adds {@code min(q - 1, 1)}; an
 *       interval in which they shrink below {@code 0.99} halves the score; flat intervals keep it.
 *       Steady growth accumulates (about {@code ln(last / first)}), a burst that is given back
 *       fades.
 *   <li><b>Candidates</b>: application classes (not JDK, not arrays) whose instances and bytes grew
 *       first to last, that grew in every interval (up to two intervals) or in at least two thirds
 *       of them (three or more) including the last, by at least a third of their average interval
 *       in the last, with a score of at least 0.05: a cache that filled up before the last
 *       histogram is no leak.
 *   <li><b>Structure</b>: a candidate that follows another at a whole ratio of 2 to 4 (two {@code
 *       CartLine} per {@code CheckoutPriceListener}) belongs to the other, its leader; without a
 *       clue of its own it takes the leader's pattern.
 *   <li><b>Noise tied back</b>: a JDK class (or array) that grew is tied to the leading candidate
 *       whose new instances it follows at a whole ratio from 1 to 4, within 20% and 0.3, checked on
 *       the growth since the first histogram at every histogram (so that other maps and strings
 *       churning within one interval do not break the tie), or since the second when the first
 *       interval was a warm-up; among several, the smallest ratio wins (the most direct owner). Its
 *       bytes count toward the candidate's attributed growth, and it decides the pattern ({@link
 *       JvmLeakPatterns}): {@code HashMap$Node} 1.0 per {@code AuditEntry} is a static collection,
 *       {@code ThreadLocalMap$Entry} a ThreadLocal.
 *   <li><b>Suspects</b>: candidates whose attributed growth reaches the given minimum, or that grew
 *       in every one of two or more intervals by a sixteenth of it on their own; largest first.
 *       When no application class qualifies, the largest steadily growing JDK classes are the
 *       suspects, if they grew by 16 times the minimum (1 MiB by default): every JVM's JDK classes
 *       grow a little.
 * </ul>
 *
 * <p>Ratios say "grows with", not "is referenced by": two independent leaks whose rates happen to
 * be whole multiples of each other look like one structure.
 *
 * <p>Stateless and thread-safe. Cost: O(histograms × classes) for the growth, O(growing classes ×
 * candidates × histograms) for the ties; classes are interned to dense ids and counted on primitive
 * arrays.
 */
public final class HistogramGrowthDetector {
  /** Growth below this many bytes (64 KiB) is not worth a report. */
  public static final long DEFAULT_MIN_SUSPECT_BYTES = 64 * 1024;

  private static final double GROWTH = 1.01;
  private static final double SHRINK = 0.99;
  private static final double MIN_SCORE = 0.05;
  private static final int MAX_RATIO = 4;
  private static final double RATIO_TOLERANCE = 0.2;
  private static final double RATIO_SLACK = 0.3; // 2.5 is no whole ratio: 2.71 and 3.79 are
  private static final double INTERVAL_TOLERANCE = 0.3;
  private static final int MAX_JDK_SUSPECTS = 5;
  private static final int JDK_SUSPECT_FACTOR = 16;
  private static final int STEADY_DISCOUNT = 16;

  private HistogramGrowthDetector() {}

  /** Detects with the default minimum growth ({@link #DEFAULT_MIN_SUSPECT_BYTES}). */
  public static HistogramGrowth detect(List<ClassHistogram> series, List<String> sources) {
    return detect(series, sources, DEFAULT_MIN_SUSPECT_BYTES);
  }

  /**
   * Compares {@code series} (oldest first, at least two) and returns every changed class and the
   * suspects; {@code sources} names each histogram (file names), one per histogram.
   */
  public static HistogramGrowth detect(
      List<ClassHistogram> series, List<String> sources, long minSuspectBytes) {
    if (series.size() < 2) {
      throw new IllegalArgumentException("growth needs at least two histograms");
    }
    if (sources.size() != series.size()) {
      throw new IllegalArgumentException("one source name per histogram");
    }
    HistogramSeries s = HistogramSeries.of(series);
    int n = s.names.size();
    int intervals = series.size() - 1;
    int[] growing = new int[n];
    double[] score = new double[n];
    boolean[] steady = new boolean[n];
    for (int c = 0; c < n; c++) {
      growing[c] = growingIntervals(s, c);
      score[c] = score(s.bytes, c);
      steady[c] = isSteady(s, c, growing[c], intervals);
    }

    List<Integer> candidates = new ArrayList<>();
    List<Integer> noise = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      if (s.instancesDelta(c) <= 0 || s.bytesDelta(c) <= 0) {
        continue;
      }
      if (s.jdk[c] || JvmClassNames.isArray(s.names.get(c))) {
        noise.add(c); // steady or not: the tie itself is checked at every histogram
      } else if (steady[c] && score[c] >= MIN_SCORE) {
        candidates.add(c);
      }
    }

    // A candidate that follows another at a whole ratio of 2 or more (two CartLine per
    // CheckoutPriceListener) is part of the other's structure: the other leads.
    int[] leader = new int[n];
    double[] leaderRatio = new double[n];
    java.util.Arrays.fill(leader, -1);
    for (int b : candidates) {
      attribute(s, b, candidates, 2, leader, leaderRatio);
    }
    int[] owner = new int[n];
    double[] ownerRatio = new double[n];
    java.util.Arrays.fill(owner, -1);
    for (int c : noise) {
      attribute(s, c, leaders(candidates, leader), 1, owner, ownerRatio);
    }
    List<Integer> suspects = new ArrayList<>();
    long[] attributed = new long[n];
    for (int a : candidates) {
      attributed[a] = s.bytesDelta(a);
    }
    for (int c : noise) {
      if (owner[c] >= 0) {
        attributed[owner[c]] += s.bytesDelta(c);
      }
    }
    for (int a : candidates) {
      // A class that grew in every interval is a suspect with less: the JDK classes it drags
      // along may not be tied to it when other users of them grew too (a warm-up in the series).
      boolean everyInterval = growing[a] == intervals && intervals >= 2;
      if (attributed[a] >= minSuspectBytes
          || (everyInterval && s.bytesDelta(a) * STEADY_DISCOUNT >= minSuspectBytes)) {
        suspects.add(a);
      }
    }
    for (int c : noise) {
      if (owner[c] >= 0 && !suspects.contains(owner[c])) {
        owner[c] = -1; // tied to a class too small to report: not worth naming
      }
    }
    suspects.sort(
        Comparator.comparingLong((Integer a) -> -attributed[a])
            .thenComparingDouble(a -> -score[a])
            .thenComparing(a -> s.names.get(a)));

    Map<Integer, JvmLeakPatterns.Match> matches = new HashMap<>();
    for (int a : suspects) {
      if (leader[a] < 0) {
        matches.put(
            a, JvmLeakPatterns.match(s.names.get(a), coGrowth(s, a, noise, owner, ownerRatio)));
      }
    }
    for (int b : suspects) {
      if (leader[b] >= 0) {
        JvmLeakPatterns.Match own = JvmLeakPatterns.match(s.names.get(b), List.of());
        JvmLeakPatterns.Match lead = matches.get(leader[b]);
        matches.put(
            b,
            lead == null || own.pattern() != LeakPattern.UNKNOWN
                ? own
                : new JvmLeakPatterns.Match(
                    lead.pattern(),
                    String.format(
                        java.util.Locale.ROOT,
                        "grows %.1f per %s, whose pattern it shares",
                        leaderRatio[b],
                        JvmClassNames.simpleName(s.names.get(leader[b])))));
      }
    }

    List<GrowthSuspect> suspectModels = new ArrayList<>();
    for (int a : suspects) {
      suspectModels.add(
          suspect(
              s,
              a,
              "application",
              attributed[a],
              score[a],
              growing[a],
              intervals,
              matches.get(a),
              leader[a] >= 0 ? s.names.get(leader[a]) : null,
              coGrowth(s, a, noise, owner, ownerRatio)));
    }
    if (suspects.isEmpty()) {
      // JDK classes grow a little in any JVM (caches, JMX's notification buffer): only a large,
      // steady growth with no application class to blame is worth a report.
      for (int c : jdkSuspects(s, noise, steady, JDK_SUSPECT_FACTOR * minSuspectBytes)) {
        JvmLeakPatterns.Match m =
            JvmLeakPatterns.match(
                s.names.get(c),
                List.of(new CoGrowth(s.names.get(c), 1, s.instancesDelta(c), s.bytesDelta(c))));
        suspectModels.add(
            suspect(
                s, c, "jdk", s.bytesDelta(c), score[c], growing[c], intervals, m, null, List.of()));
      }
    }

    List<GrowthRow> rows = rows(s, suspects, matches, owner, ownerRatio, score, growing, intervals);
    return new HistogramGrowth(
        series.size(),
        sources,
        s.totalInstances[series.size() - 1] - s.totalInstances[0],
        s.totalBytes[series.size() - 1] - s.totalBytes[0],
        !suspectModels.isEmpty(),
        note(series.size()),
        suspectModels,
        rows);
  }

  /**
   * Ties {@code c} to the member of {@code owners} whose new instances it follows at a whole ratio
   * in every interval; the smallest ratio wins, then the smallest error.
   */
  private static void attribute(
      HistogramSeries s,
      int c,
      List<Integer> owners,
      int minWhole,
      int[] owner,
      double[] ownerRatio) {
    int best = -1;
    long bestWhole = Long.MAX_VALUE;
    double bestError = Double.MAX_VALUE;
    double bestRatio = 0;
    // From the first histogram, or else from the second when three intervals or more remain: a
    // baseline taken during a warm-up adds JDK objects that belong to nobody.
    int lastFrom = s.instances.length >= 4 ? 1 : 0;
    for (int a : owners) {
      if (a == c) {
        continue;
      }
      for (int from = 0; from <= lastFrom; from++) {
        long da = s.delta(s.instances, a, from);
        if (da <= 0) {
          continue;
        }
        double ratio = (double) s.delta(s.instances, c, from) / da;
        long whole = Math.round(ratio);
        if (whole < minWhole || whole > MAX_RATIO) {
          continue;
        }
        double error = Math.abs(ratio - whole) / whole;
        if (error > RATIO_TOLERANCE
            || Math.abs(ratio - whole) > RATIO_SLACK
            || !followsInEveryInterval(s, c, a, ratio, from)) {
          continue;
        }
        if (whole < bestWhole || (whole == bestWhole && error < bestError)) {
          best = a;
          bestWhole = whole;
          bestError = error;
          bestRatio = ratio;
        }
        break;
      }
    }
    owner[c] = best;
    ownerRatio[c] = bestRatio;
  }

  /**
   * True when {@code c}'s growth since histogram {@code from} stays near {@code ratio} times {@code
   * a}'s at every later histogram: cumulative, so that other users of a JDK class (maps, strings)
   * that churn within one interval do not break the tie.
   */
  private static boolean followsInEveryInterval(
      HistogramSeries s, int c, int a, double ratio, int from) {
    for (int t = from + 1; t < s.instances.length; t++) {
      long dc = s.instances[t][c] - s.instances[from][c];
      long da = s.instances[t][a] - s.instances[from][a];
      double expected = ratio * da;
      if (Math.abs(dc - expected) > INTERVAL_TOLERANCE * Math.abs(expected) + 2) {
        return false;
      }
    }
    return true;
  }

  private static int growingIntervals(HistogramSeries s, int c) {
    int count = 0;
    for (int t = 1; t < s.instances.length; t++) {
      if (s.instances[t][c] > s.instances[t - 1][c] && s.bytes[t][c] > s.bytes[t - 1][c]) {
        count++;
      }
    }
    return count;
  }

  /**
   * Grew in every interval (up to two), or in two thirds of them and in the last, and in the last
   * by at least a third of the average interval: a cache that filled up before the last histogram
   * (or slowed to a trickle) is no leak, a leak still grows at its pace at the end.
   */
  private static boolean isSteady(HistogramSeries s, int c, int growing, int intervals) {
    int required = intervals <= 2 ? intervals : (2 * intervals + 2) / 3;
    int last = s.bytes.length - 1;
    long lastBytes = s.bytes[last][c] - s.bytes[last - 1][c];
    boolean grewLast = s.instances[last][c] > s.instances[last - 1][c] && lastBytes > 0;
    double averageBytes = (double) s.bytesDelta(c) / intervals;
    return growing >= required && grewLast && lastBytes * 3 >= averageBytes;
  }

  /** Cork-style ratio rank of one class's bytes; see the class comment. */
  static double score(long[][] bytes, int c) {
    double rank = 0;
    for (int t = 1; t < bytes.length; t++) {
      long previous = bytes[t - 1][c];
      long current = bytes[t][c];
      double q = previous == 0 ? (current > 0 ? 2 : 1) : (double) current / previous;
      if (q > GROWTH) {
        rank += Math.min(q - 1, 1);
      } else if (q < SHRINK) {
        rank /= 2;
      }
    }
    return rank;
  }

  private static List<Integer> leaders(List<Integer> candidates, int[] leader) {
    List<Integer> out = new ArrayList<>();
    for (int a : candidates) {
      if (leader[a] < 0) {
        out.add(a);
      }
    }
    return out;
  }

  private static List<CoGrowth> coGrowth(
      HistogramSeries s, int a, List<Integer> noise, int[] owner, double[] ownerRatio) {
    List<CoGrowth> out = new ArrayList<>();
    for (int c : noise) {
      if (owner[c] == a) {
        out.add(
            new CoGrowth(
                s.names.get(c), round(ownerRatio[c]), s.instancesDelta(c), s.bytesDelta(c)));
      }
    }
    out.sort(
        Comparator.comparingLong((CoGrowth g) -> -g.bytesDelta())
            .thenComparing(CoGrowth::className));
    return out;
  }

  private static List<Integer> jdkSuspects(
      HistogramSeries s, List<Integer> noise, boolean[] steady, long minBytes) {
    List<Integer> out = new ArrayList<>();
    for (int c : noise) {
      if (steady[c] && s.bytesDelta(c) >= minBytes) {
        out.add(c);
      }
    }
    out.sort(Comparator.comparingLong((Integer c) -> -s.bytesDelta(c)));
    return out.subList(0, Math.min(MAX_JDK_SUSPECTS, out.size()));
  }

  private static GrowthSuspect suspect(
      HistogramSeries s,
      int c,
      String origin,
      long attributedBytes,
      double score,
      int growing,
      int intervals,
      JvmLeakPatterns.Match match,
      String growsWith,
      List<CoGrowth> coGrowing) {
    LeakPattern p = match.pattern();
    return new GrowthSuspect(
        s.names.get(c),
        s.modules.get(c),
        origin,
        s.instancesDelta(c),
        s.bytesDelta(c),
        attributedBytes,
        round(score),
        growing,
        intervals,
        p,
        match.reason(),
        p.description(),
        p.remedy(),
        growsWith,
        coGrowing);
  }

  private static List<GrowthRow> rows(
      HistogramSeries s,
      List<Integer> suspects,
      Map<Integer, JvmLeakPatterns.Match> matches,
      int[] owner,
      double[] ownerRatio,
      double[] score,
      int[] growing,
      int intervals) {
    List<Integer> changed = new ArrayList<>();
    for (int c = 0; c < s.names.size(); c++) {
      if (s.instancesDelta(c) != 0 || s.bytesDelta(c) != 0) {
        changed.add(c);
      }
    }
    changed.sort(
        Comparator.comparingLong((Integer c) -> -s.bytesDelta(c))
            .thenComparingLong(c -> -s.instancesDelta(c))
            .thenComparing(c -> s.names.get(c)));
    List<GrowthRow> rows = new ArrayList<>(changed.size());
    int last = s.instances.length - 1;
    for (int c : changed) {
      JvmLeakPatterns.Match m = suspects.contains(c) ? matches.get(c) : null;
      rows.add(
          new GrowthRow(
              s.names.get(c),
              s.instancesDelta(c),
              s.bytesDelta(c),
              s.modules.get(c),
              s.instances[last][c],
              s.bytes[last][c],
              s.jdk[c] ? "jdk" : "application",
              round(score[c]),
              growing[c],
              intervals,
              m == null ? null : m.pattern().id(),
              m == null ? null : m.pattern().remedy(),
              owner[c] >= 0 ? s.names.get(owner[c]) : null,
              owner[c] >= 0 ? round(ownerRatio[c]) : null));
    }
    return rows;
  }

  private static String note(int histograms) {
    if (histograms == 2) {
      return "Two histograms show growth, not steadiness: compare three or more, taken minutes"
          + " apart, to tell a leak from a warm-up or a cache filling.";
    }
    return histograms
        + " histograms: a suspect grew in at least two thirds of the "
        + (histograms - 1)
        + " intervals, the last among them.";
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
