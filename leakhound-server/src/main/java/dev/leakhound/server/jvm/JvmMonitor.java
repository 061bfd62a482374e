package dev.leakhound.server.jvm;

import dev.leakhound.analysis.heap.HeapDumpAnalyzer;
import dev.leakhound.analysis.heap.HeapReport;
import dev.leakhound.analysis.jvm.FloorVerdict;
import dev.leakhound.analysis.jvm.GrowthSuspect;
import dev.leakhound.analysis.jvm.HistogramGrowth;
import dev.leakhound.analysis.jvm.HistogramGrowthDetector;
import dev.leakhound.formats.jvm.ClassHistogram;
import dev.leakhound.formats.progress.CancelSignal;
import dev.leakhound.formats.progress.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Watches one JVM target: samples it, takes class histograms when the {@link HistogramScheduler}
 * says so (the first of each lifetime, once its warm-up is over, is the baseline; the latest few
 * are kept), and when the floor is judged leaking writes the {@link JvmLeakReport}: the classes
 * that grew since the baseline with their pattern and remedy, and a heap dump, once per lifetime
 * (written on the target's host: into {@code dumpDirectory} for a local target, into {@code
 * remoteDumpDirectory} on the target's host for a remote one, whose path is then reported).
 *
 * <p>What the watch service's JVM collector wraps: its scrape is {@link #sample}, its diagnosis
 * {@link #histogramIfDue} and {@link #report}. Thread-safe (synchronized); the sampler bounds every
 * call by its timeouts.
 */
public final class JvmMonitor implements AutoCloseable {
  /** Histograms kept besides the baseline: enough to see steady growth. */
  static final int KEEP = 5;

  private final String target;
  private final JvmSampler sampler;
  private final HistogramScheduler schedule;
  private final Path dumpDirectory;
  private final String remoteDumpDirectory;
  private final Clock clock;
  private final long warmUpMillis;
  private boolean analyseDumps = true;
  private final List<HistogramCapture> histograms = new ArrayList<>();
  private String lifetime = "";
  private long heapMax = -1;
  private HeapDumpCapture dump;
  private List<HeapReport.Suspect> dumpSuspects = List.of();

  public JvmMonitor(
      String target,
      JvmSampler sampler,
      HistogramScheduler schedule,
      Path dumpDirectory,
      String remoteDumpDirectory,
      java.time.Duration warmUp,
      Clock clock) {
    this.target = target;
    this.warmUpMillis = warmUp.toMillis();
    this.sampler = sampler;
    this.schedule = schedule;
    this.dumpDirectory = dumpDirectory;
    this.remoteDumpDirectory = remoteDumpDirectory;
    this.clock = clock;
  }

  /**
   * Whether a heap dump on this host is analysed for the report (on by default; it takes about as
   * long as the dump is large, in the caller's thread).
   */
  public synchronized void analyseDumps(boolean analyse) {
    this.analyseDumps = analyse;
  }

  /** Samples the JVM; a new lifetime (a restart) drops the histograms and takes a new baseline. */
  public synchronized JvmSample sample() throws JvmCollectException {
    JvmSample s = sampler.sample();
    if (!s.lifetime().equals(lifetime)) {
      lifetime = s.lifetime();
      histograms.clear();
      schedule.reset(s.startTimeMillis() + warmUpMillis);
      dump = null;
      dumpSuspects = List.of();
    }
    heapMax = s.heapMaxBytes();
    return s;
  }

  /**
   * Takes a class histogram when one is due ({@code suspect}: a signal turned suspect and wants one
   * early); returns it, or null when none was due.
   */
  public synchronized HistogramCapture histogramIfDue(boolean suspect) throws JvmCollectException {
    long now = clock.millis();
    if (!schedule.due(now, suspect)) {
      return null;
    }
    HistogramCapture h = sampler.classHistogram();
    schedule.taken(now);
    if (!h.lifetime().equals(lifetime) && !lifetime.isEmpty()) {
      histograms.clear(); // restarted between the sample and the histogram
    }
    histograms.add(h);
    while (histograms.size() > KEEP + 1) {
      histograms.remove(1); // keep the baseline and the latest
    }
    return h;
  }

  /** The histograms kept: the baseline first, then the latest, oldest first. */
  public synchronized List<HistogramCapture> histograms() {
    return List.copyOf(histograms);
  }

  /** Growth from the baseline through the latest histograms; null with fewer than two. */
  public synchronized HistogramGrowth growth() {
    if (histograms.size() < 2) {
      return null;
    }
    List<ClassHistogram> series = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    for (HistogramCapture h : histograms) {
      series.add(h.histogram());
      sources.add(target + " at " + java.time.Instant.ofEpochMilli(h.timeMillis()));
    }
    return HistogramGrowthDetector.detect(series, sources);
  }

  /**
   * The report for {@code verdict}: takes a fresh histogram when the last is older than the
   * schedule allows early ones (so the report is current), and on a {@code leak} verdict a heap
   * dump once per lifetime.
   */
  public synchronized JvmLeakReport report(FloorVerdict verdict) throws JvmCollectException {
    histogramIfDue(true);
    HistogramGrowth growth = growth();
    List<GrowthSuspect> suspects = growth == null ? List.of() : growth.suspects();
    String dumpError = null;
    if (verdict.isLeak() && dump == null) {
      try {
        dump = heapDump();
        dumpSuspects = analyse(dump);
      } catch (JvmCollectException e) {
        dumpError = e.getMessage(); // the report stands without it; the next one tries again
      }
    }
    long span =
        histograms.size() < 2
            ? 0
            : histograms.get(histograms.size() - 1).timeMillis() - histograms.get(0).timeMillis();
    return new JvmLeakReport(
        target,
        lifetime,
        clock.millis(),
        verdict,
        heapMax,
        histograms.size(),
        span,
        suspects,
        verdict.isLeak() ? dump : null,
        dumpError,
        verdict.isLeak() ? dumpSuspects : List.of(),
        summary(verdict, suspects, verdict.isLeak() ? dumpSuspects : List.of()));
  }

  private HeapDumpCapture heapDump() throws JvmCollectException {
    String name =
        "leakhound-" + target.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + clock.millis() + ".hprof";
    String path;
    if (sampler.address().isLocal()) {
      try {
        Files.createDirectories(dumpDirectory);
      } catch (java.io.IOException e) {
        throw new JvmCollectException("cannot create " + dumpDirectory + ": " + e.getMessage(), e);
      }
      path = dumpDirectory.toAbsolutePath().resolve(name).toString();
    } else {
      path = remoteDumpDirectory + "/" + name;
    }
    return sampler.dumpHeap(path, true);
  }

  /**
   * The heap dump's leak suspects, when the dump is on this host and analysing it is enabled; an
   * unreadable dump leaves the report with the histograms' view alone.
   */
  private List<HeapReport.Suspect> analyse(HeapDumpCapture d) {
    if (!analyseDumps || !d.onThisHost()) {
      return List.of();
    }
    try {
      return HeapDumpAnalyzer.analyze(
              Path.of(d.path()),
              HeapDumpAnalyzer.Options.defaults(),
              ProgressListener.NONE,
              CancelSignal.NEVER)
          .suspects();
    } catch (java.io.IOException | RuntimeException e) {
      return List.of();
    }
  }

  private static String summary(
      FloorVerdict verdict, List<GrowthSuspect> suspects, List<HeapReport.Suspect> fromDump) {
    String slope =
        verdict.slopeBytesPerHour() == null
            ? ""
            : String.format(
                Locale.ROOT, ", about %.1f MiB/h", verdict.slopeBytesPerHour() / (1 << 20));
    if (suspects.isEmpty()) {
      return verdict.verdict() + slope + "; no class grew steadily in the histograms yet";
    }
    GrowthSuspect s = suspects.get(0);
    // The dump's path from a GC root is evidence; the histograms' pattern is inferred.
    String pattern = s.pattern().id();
    String remedy = s.remedy();
    for (HeapReport.Suspect d : fromDump) {
      if (s.className().equals(d.accumulatedClass())) {
        pattern = d.pattern().id();
        remedy = d.remedy();
        break;
      }
    }
    return verdict.verdict() + slope + ": " + s.className() + " grows (" + pattern + "): " + remedy;
  }

  @Override
  public synchronized void close() {
    sampler.close();
  }
}
