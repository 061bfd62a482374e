package dev.leakhound.server.watch;

import dev.leakhound.analysis.jvm.GrowthSuspect;
import dev.leakhound.analysis.jvm.HistogramGrowth;
import dev.leakhound.analysis.jvm.HistogramGrowthDetector;
import dev.leakhound.analysis.pattern.LeakPattern;
import dev.leakhound.formats.jvm.ClassHistogram;
import dev.leakhound.formats.jvm.ClassHistogramReader;
import dev.leakhound.server.jvm.HeapDumpLink;
import dev.leakhound.server.report.Culprit;
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

  private static LeakPattern byId(String id) {
    for (LeakPattern p : LeakPattern.values()) {
      if (p.id().equals(id)) {
        return p;
      }
    }
    return null;
  }
}
