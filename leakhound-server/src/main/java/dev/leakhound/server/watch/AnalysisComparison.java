package dev.leakhound.server.watch;

import dev.leakhound.analysis.goroutine.GoroutineAnalyzer;
import dev.leakhound.analysis.goroutine.GoroutineGroup;
import dev.leakhound.analysis.goroutine.GoroutineReport;
import dev.leakhound.analysis.goroutine.SuspectRules;
import dev.leakhound.analysis.pattern.LeakPattern;
import dev.leakhound.analysis.profile.ProfileAlgebra;
import dev.leakhound.analysis.profile.TopCalculator;
import dev.leakhound.analysis.profile.TopOptions;
import dev.leakhound.analysis.profile.TopReport;
import dev.leakhound.analysis.profile.TopRow;
import dev.leakhound.analysis.source.SourceFiles;
import dev.leakhound.formats.goroutine.Frame;
import dev.leakhound.formats.goroutine.GoroutineDump;
import dev.leakhound.formats.goroutine.GoroutineDumpReader;
import dev.leakhound.formats.pprof.PprofReader;
import dev.leakhound.formats.pprof.Profile;
import dev.leakhound.formats.pprof.ProfileProtoWriter;
import dev.leakhound.server.report.Culprit;
import dev.leakhound.server.report.GoroutineGrowth;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The diagnosis's comparisons, done by the analysis layer: the heap profile diff is {@link
 * ProfileAlgebra#diff} (base scaled by -1 and merged, as {@code go tool pprof -diff_base}) read
 * through {@link TopCalculator} on {@code inuse_space}; the goroutine comparison is {@link
 * GoroutineAnalyzer} over the baseline's counts, the capture's full dump and the goroutineleak
 * listing, reading Go source (only {@code .go} files) where it is at hand to name patterns.
 *
 * <p>Stateless and thread-safe. Cost: linear in the profiles' samples and stack frames.
 */
public final class AnalysisComparison implements ProfileComparison {
  /** Map growth shows in these runtime frames (Go's classic and Swiss-table maps). */
  private static final String[] MAP_FRAMES = {
    "runtime.mapassign", "runtime.hashGrow", "runtime.growWork", "internal/runtime/maps."
  };

  /** Culprits below this share of the growth (scraping itself allocates a little) are left out. */
  private static final double MIN_SHARE = 0.02;

  @Override
  public HeapFindings heapGrowth(byte[] baseline, byte[] current) throws IOException {
    Profile now = PprofReader.parse("heap profile (capture)", current);
    Profile diff =
        baseline == null
            ? now
            : ProfileAlgebra.diff(PprofReader.parse("heap profile (baseline)", baseline), now);
    TopReport bytes = top(diff, "inuse_space");
    TopReport objects = top(diff, "inuse_objects");
    Map<String, Long> objectGrowth = new HashMap<>();
    for (TopRow r : objects.rows()) {
      objectGrowth.put(r.function(), r.flat());
    }
    long grown = 0;
    for (TopRow r : bytes.rows()) {
      grown += Math.max(0, r.flat());
    }
    List<Culprit> culprits = new ArrayList<>();
    String mapEvidence = null;
    for (TopRow r : bytes.rows()) {
      if (r.cum() > 0 && grown > 0 && isMapFrame(r.function()) && r.cum() >= 0.05 * grown) {
        mapEvidence = r.function() + " holds " + r.cum() + " of the " + grown + " bytes gained";
      }
      if (r.flat() <= 0 || grown <= 0 || (double) r.flat() / grown < MIN_SHARE) {
        continue;
      }
      culprits.add(
          new Culprit(
              r.function(),
              r.file(),
              r.line(),
              r.flat(),
              Math.max(0, objectGrowth.getOrDefault(r.function(), 0L)),
              (double) r.flat() / grown));
    }
    culprits.sort(Comparator.comparingLong(Culprit::growthBytes).reversed());
    byte[] diffBytes = null;
    if (baseline != null) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      ProfileProtoWriter.writeGzipped(diff, out);
      diffBytes = out.toByteArray();
    }
    return mapEvidence == null
        ? new HeapFindings(culprits, null, "", diffBytes)
        : new HeapFindings(culprits, LeakPattern.UNBOUNDED_MAP, mapEvidence, diffBytes);
  }

  private static TopReport top(Profile p, String sampleType) {
    // Every row: a culprit far down the list still belongs in the report when it grew.
    return TopCalculator.compute(
        p, TopOptions.defaults().withSampleIndex(sampleType).withNodeFraction(0));
  }

  private static boolean isMapFrame(String function) {
    for (String f : MAP_FRAMES) {
      if (function.startsWith(f)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public GoroutineFindings goroutineGrowth(
      List<byte[]> dumps, byte[] leakListing, List<Path> sourceRoots) throws IOException {
    List<GoroutineDump> read = new ArrayList<>();
    GoroutineDumpReader reader = new GoroutineDumpReader();
    int i = 0;
    for (byte[] d : dumps) {
      read.add(reader.read("goroutine dump " + (++i), new ByteArrayInputStream(d)));
    }
    if (leakListing != null) {
      read.add(reader.read("goroutineleak profile", new ByteArrayInputStream(leakListing)));
    }
    GoroutineReport report =
        new GoroutineAnalyzer(SuspectRules.DEFAULT, SourceFiles.under(sourceRoots)).analyze(read);
    List<GoroutineGrowth> groups = new ArrayList<>();
    GoroutineGroup top = null;
    for (GoroutineGroup g : report.groups()) {
      long growth = growth(g);
      if (!(g.suspect() || g.leaked() > 0) || (growth <= 0 && g.leaked() == 0)) {
        continue;
      }
      if (top == null || growth > growth(top)) {
        top = g;
      }
      List<String> stack = new ArrayList<>();
      for (Frame f : g.stack()) {
        stack.add(f.function() + " " + f.position());
      }
      groups.add(
          new GoroutineGrowth(
              g.function(),
              g.state(),
              g.count(),
              growth,
              g.location(),
              g.createdBy() == null ? null : g.createdBy().function(),
              g.maxWaitMinutes(),
              g.leaked(),
              g.pattern() == null ? null : g.pattern().id(),
              stack));
    }
    groups.sort(Comparator.comparingLong(GoroutineGrowth::growth).reversed());
    return top == null
        ? new GoroutineFindings(groups, null, null)
        : new GoroutineFindings(groups, top.pattern(), top.remedy());
  }

  private static long growth(GoroutineGroup g) {
    List<Long> sizes = g.growth();
    if (sizes == null || sizes.isEmpty()) {
      return 0;
    }
    return sizes.get(sizes.size() - 1) - sizes.get(0);
  }
}
