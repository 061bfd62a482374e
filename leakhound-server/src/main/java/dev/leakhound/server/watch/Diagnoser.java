package dev.leakhound.server.watch;

import dev.leakhound.server.collect.ProfileKind;
import dev.leakhound.server.report.LeakReport;
import dev.leakhound.server.report.ProfileRefs;
import dev.leakhound.server.report.SignalVerdict;
import dev.leakhound.server.store.ProfileRecord;
import dev.leakhound.server.store.ProfileStore;
import dev.leakhound.server.store.Store;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Diagnoses a target whose signal turned suspect: captures fresh profiles (heap, goroutine proto,
 * the full goroutine dump, the goroutineleak listing where the runtime has one), compares them with
 * the earliest baseline of the same process lifetime, and writes the findings into the report.
 * Targets without profiles (prometheus, process kinds) get a report with the verdicts alone.
 *
 * <p>Thread-safe; each diagnosis runs on a capture thread with the target's capture claimed.
 */
final class Diagnoser {
  /** The go target option naming where its source is. */
  static final String SOURCE_ROOT = dev.leakhound.server.collect.GoTargetKind.SOURCE_ROOT;

  private static final Logger LOG = Logger.getLogger(Diagnoser.class.getName());
  private static final List<ProfileKind> CAPTURE =
      List.of(
          ProfileKind.HEAP,
          ProfileKind.GOROUTINE,
          ProfileKind.GOROUTINE_FULL,
          ProfileKind.GOROUTINE_LEAK);

  private final Watcher watcher;
  private final ProfileComparison comparison;

  Diagnoser(Watcher watcher, ProfileComparison comparison) {
    this.watcher = watcher;
    this.comparison = comparison;
  }

  /** Captures and compares; returns the findings to put in a report. */
  Findings diagnose(TargetRuntime rt) {
    List<String> notes = new ArrayList<>();
    if (rt.collector().captureKinds().isEmpty()) {
      return new Findings(null, null, ProfileRefs.NONE, notes, rt.lifetime());
    }
    List<BaselineSet> baselines = rt.baselines();
    BaselineSet baseline = baselines.isEmpty() ? null : baselines.get(0);
    BaselineSet now = watcher.captureSet(rt, CAPTURE, "capture");
    watcher.store().targets().addEvent(rt.name(), now.t(), "capture", "profiles for diagnosis");
    if (baseline == null) {
      notes.add("no baseline of this process lifetime yet: growth is measured from an empty heap");
    }
    ProfileComparison.HeapFindings heap = null;
    ProfileComparison.GoroutineFindings goroutines = null;
    Long diff = null;
    Store store = watcher.store();
    try {
      ProfileRecord current = now.profiles().get(ProfileKind.HEAP);
      if (current != null) {
        ProfileRecord base = baseline == null ? null : baseline.profiles().get(ProfileKind.HEAP);
        byte[] baseBytes = base == null ? null : store.profiles().content(base.id());
        heap = comparison.heapGrowth(baseBytes, store.profiles().content(current.id()));
        if (heap.diff() != null) {
          diff =
              store
                  .profiles()
                  .save(
                      rt.name(),
                      ProfileKind.HEAP_DIFF.id(),
                      now.t(),
                      "capture",
                      now.lifetime(),
                      heap.diff())
                  .id();
        }
      } else {
        notes.add("no heap profile could be captured");
      }
      ProfileRecord full = now.profiles().get(ProfileKind.GOROUTINE_FULL);
      if (full != null) {
        List<byte[]> dumps = new ArrayList<>();
        ProfileRecord baseCounts =
            baseline == null ? null : baseline.profiles().get(ProfileKind.GOROUTINE_COUNTS);
        if (baseCounts != null) {
          dumps.add(ProfileStore.gunzip(store.profiles().content(baseCounts.id())));
        }
        dumps.add(ProfileStore.gunzip(store.profiles().content(full.id())));
        ProfileRecord leak = now.profiles().get(ProfileKind.GOROUTINE_LEAK);
        byte[] listing =
            leak == null ? null : ProfileStore.gunzip(store.profiles().content(leak.id()));
        goroutines = comparison.goroutineGrowth(dumps, listing, sourceRoots(rt));
      }
    } catch (IOException | SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "diagnosis of " + rt.name() + " failed", e);
      notes.add("the profile comparison failed: " + e.getMessage());
    }
    if (!rt.collector().captureKinds().contains(ProfileKind.GOROUTINE_LEAK)) {
      notes.add(
          "the runtime has no goroutineleak profile (Go 1.26 with GOEXPERIMENT=goroutineleakprofile)");
    }
    ProfileRefs refs =
        new ProfileRefs(
            id(baseline, ProfileKind.HEAP),
            id(now, ProfileKind.HEAP),
            id(baseline, ProfileKind.GOROUTINE_COUNTS),
            id(now, ProfileKind.GOROUTINE),
            id(now, ProfileKind.GOROUTINE_FULL),
            id(now, ProfileKind.GOROUTINE_LEAK),
            diff);
    if (rt.captureError() != null) {
      notes.add("capture: " + rt.captureError());
    }
    return new Findings(heap, goroutines, refs, notes, now.lifetime());
  }

  /** The target's {@code sourceRoot}, resolved against the configuration file's directory. */
  private List<java.nio.file.Path> sourceRoots(TargetRuntime rt) {
    String root = rt.config().options().get(SOURCE_ROOT);
    if (root == null) {
      return List.of();
    }
    java.nio.file.Path dir = watcher.config().file().toAbsolutePath().getParent();
    return List.of(dir == null ? java.nio.file.Path.of(root) : dir.resolve(root));
  }

  private static Long id(BaselineSet set, ProfileKind kind) {
    if (set == null) {
      return null;
    }
    ProfileRecord r = set.profiles().get(kind);
    return r == null ? null : r.id();
  }

  /**
   * What a diagnosis found.
   *
   * @param heap the heap diff, or null
   * @param goroutines the goroutine comparison, or null
   * @param profiles the profiles used
   * @param notes what could not be done
   * @param lifetime the process lifetime the profiles belong to
   */
  record Findings(
      ProfileComparison.HeapFindings heap,
      ProfileComparison.GoroutineFindings goroutines,
      ProfileRefs profiles,
      List<String> notes,
      String lifetime) {}

  /** The report for {@code rt} from {@code verdicts} and {@code findings}. */
  static LeakReport report(
      TargetRuntime rt,
      List<SignalVerdict> verdicts,
      Findings findings,
      long id,
      String openedAt,
      String now) {
    return ReportWriter.write(rt, verdicts, findings, id, openedAt, now);
  }
}
