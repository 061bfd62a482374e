package dev.leakhound.server.watch;

import dev.leakhound.analysis.jvm.GrowthSuspect;
import dev.leakhound.analysis.jvm.HistogramGrowth;
import dev.leakhound.analysis.jvm.HistogramGrowthDetector;
import dev.leakhound.analysis.pattern.LeakPattern;
import dev.leakhound.formats.jvm.ClassHistogram;
import dev.leakhound.formats.jvm.ClassHistogramReader;
import dev.leakhound.server.jvm.HeapDumpLink;
import dev.leakhound.server.report.Culprit;
import dev.leakhound.server.store.ProfileRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM side of a diagnosis: the classes that grow across a lifetime's class histograms (the
 * baselines, then the capture), found by {@link HistogramGrowthDetector}, as the report's culprits
 * (a class in place of a function: no file, no line; its growth counts the JDK classes tied to it),
 * with the top suspect's pattern. When the heap dump's analysis found the same class accumulating,
 * its path from a GC root is evidence and its pattern wins over the histograms' inference.
 *
 * <p>Stateless and thread-safe. Cost: reading the histograms and the detector's.
 */
final class HistogramComparison {
  private HistogramComparison() {}

  /**
   * The growth across {@code histograms} (the text the JVM wrote, oldest first, at least two),
   * named by {@code sources}; {@code dump} is the lifetime's heap dump, or null.
   */
  static ProfileComparison.HeapFindings growth(
      List<byte[]> histograms, List<String> sources, HeapDumpLink dump) throws IOException {
    List<ClassHistogram> series = new ArrayList<>();
    for (int i = 0; i < histograms.size(); i++) {
      series.add(
          ClassHistogramReader.read(sources.get(i), new ByteArrayInputStream(histograms.get(i))));
    }
    HistogramGrowth g = HistogramGrowthDetector.detect(series, sources);
    long total = 0;
    for (GrowthSuspect s : g.suspects()) {
      total += Math.max(0, s.attributedBytesDelta());
    }
    List<Culprit> culprits = new ArrayList<>();
    for (GrowthSuspect s : g.suspects()) {
      culprits.add(
          new Culprit(
              s.className(),
              "",
              0,
              s.attributedBytesDelta(),
              s.instancesDelta(),
              total == 0 ? 0 : Math.max(0, s.attributedBytesDelta()) / (double) total));
    }
    if (g.suspects().isEmpty()) {
      return new ProfileComparison.HeapFindings(culprits, null, g.note(), null);
    }
    GrowthSuspect top = g.suspects().get(0);
    LeakPattern pattern = top.pattern();
    String evidence = top.patternReason();
    if (dump != null) {
      for (HeapDumpLink.Suspect d : dump.suspects()) {
        LeakPattern fromDump = byId(d.pattern());
        if (top.className().equals(d.accumulatedClass())
            && fromDump != null
            && fromDump != LeakPattern.UNKNOWN) {
          pattern = fromDump;
          evidence = "the heap dump's path from a GC root: " + String.join(" -> ", d.pathToRoot());
          break;
        }
      }
    }
    return new ProfileComparison.HeapFindings(
        culprits, pattern == LeakPattern.UNKNOWN ? null : pattern, evidence, null);
  }

  /**
   * The histograms to compare, oldest first, ending with {@code current}: the detector counts
   * intervals, not time (a class must grow in most of them, and in the last by a good part of its
   * average), so they must be about evenly spaced. The lifetime's first baseline, often much older
   * than the latest ones (those kept are the first and the latest few), is left out when the rest
   * make a series of three; a capture taken sooner after the last baseline than half their usual
   * spacing takes that baseline's place.
   */
  static List<ProfileRecord> evenlySpaced(List<ProfileRecord> baselines, ProfileRecord current) {
    List<ProfileRecord> out = new ArrayList<>(baselines);
    if (out.size() >= 3 && gap(out, 0) > 2 * medianGap(out.subList(1, out.size()))) {
      out.remove(0);
    }
    if (out.size() >= 3) {
      long spacing = medianGap(out);
      if (current.t() - out.get(out.size() - 1).t() < spacing / 2) {
        out.remove(out.size() - 1);
      }
    }
    out.add(current);
    return out;
  }

  private static long gap(List<ProfileRecord> rs, int i) {
    return rs.get(i + 1).t() - rs.get(i).t();
  }

  private static long medianGap(List<ProfileRecord> rs) {
    long[] gaps = new long[rs.size() - 1];
    for (int i = 0; i < gaps.length; i++) {
      gaps[i] = gap(rs, i);
    }
    java.util.Arrays.sort(gaps);
    return gaps.length == 0 ? 0 : gaps[gaps.length / 2];
  }

  private static LeakPattern byId(String id) {
    for (LeakPattern p : LeakPattern.values()) {
      if (p.id().equals(id)) {
        return p;
      }
    }
    return null;
  }
}
