package dev.leakhound.analysis.goroutine;

import dev.leakhound.analysis.goroutine.GoroutineReport.DumpSummary;
import dev.leakhound.analysis.goroutine.LeakPatternNamer.Naming;
import dev.leakhound.analysis.pattern.LeakPattern;
import dev.leakhound.analysis.source.SourceLines;
import dev.leakhound.formats.goroutine.DumpKind;
import dev.leakhound.formats.goroutine.Frame;
import dev.leakhound.formats.goroutine.GoroutineDump;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups the goroutines of one or more dumps (oldest first) by stack and state, follows each group
 * across the dumps, and marks the groups that look like leaks ({@link SuspectRules}), naming their
 * pattern ({@link LeakPatternNamer}).
 *
 * <p>Stacks are compared without the runtime frames on top (as pprof's debug=1 form prints them),
 * so a full dump, a count profile and a goroutineleak profile of the same program line up. A
 * goroutineleak count profile given next to other dumps is a listing that marks groups, not a point
 * in time; given alone, it is the point in time.
 *
 * <p>Cost: one pass over the records of each dump with an unboxed map lookup each; the work per
 * distinct stack (building its signature, naming its pattern) is done once. Thread-safe if the
 * {@link SourceLines} is.
 */
public final class GoroutineAnalyzer {
  /** States in which a goroutine waits for another goroutine: where leaks sit. */
  private static final Set<String> BLOCKING =
      Set.of(
          "chan send",
          "chan receive",
          "chan send (nil chan)",
          "chan receive (nil chan)",
          "select",
          "select (no cases)",
          "sync.Mutex.Lock",
          "sync.RWMutex.Lock",
          "sync.RWMutex.RLock",
          "sync.Cond.Wait",
          "sync.WaitGroup.Wait",
          "semacquire",
          "chan send (durable)",
          "chan receive (durable)",
          "select (durable)",
          "sync.WaitGroup.Wait (durable)",
          GoroutineDump.UNKNOWN_STATE);

  private final SuspectRules rules;
  private final LeakPatternNamer namer;

  public GoroutineAnalyzer(SuspectRules rules, SourceLines source) {
    this.rules = rules;
    this.namer = new LeakPatternNamer(source);
  }

  public GoroutineAnalyzer() {
    this(SuspectRules.DEFAULT, SourceLines.NONE);
  }

  /** Analyzes {@code dumps}, oldest first; at least one. */
  public GoroutineReport analyze(List<GoroutineDump> dumps) {
    if (dumps.isEmpty()) {
      throw new IllegalArgumentException("at least one dump is needed");
    }
    List<GoroutineDump> snapshots = new ArrayList<>();
    List<GoroutineDump> listings = new ArrayList<>();
    for (GoroutineDump d : dumps) {
      (d.kind().isLeakProfile() ? listings : snapshots).add(d);
    }
    if (snapshots.isEmpty()) {
      snapshots.addAll(listings);
      listings.clear();
    }
    List<DumpSummary> summaries = new ArrayList<>();
    for (GoroutineDump d : dumps) {
      boolean listing = listings.contains(d);
      summaries.add(
          new DumpSummary(
              d.source(),
              d.kind().label(),
              d.total(),
              d.truncated(),
              listing ? "leak-listing" : "snapshot"));
    }
    Groups groups = new Groups(snapshots.size());
    for (int i = 0; i < snapshots.size(); i++) {
      addSnapshot(groups, snapshots.get(i), i, i == snapshots.size() - 1);
    }
    for (GoroutineDump listing : listings) {
      addListing(groups, listing);
    }
    List<GoroutineGroup> result = new ArrayList<>();
    int suspects = 0;
    for (Acc acc : groups.all) {
      if (acc.counts[snapshots.size() - 1] > 0) {
        GoroutineGroup g = judge(acc, snapshots.size());
        suspects += g.suspect() ? 1 : 0;
        result.add(g);
      }
    }
    result.sort(
        Comparator.comparingLong(GoroutineGroup::count)
            .reversed()
            .thenComparing(g -> !g.suspect())
            .thenComparing(GoroutineGroup::function)
            .thenComparing(GoroutineGroup::state)
            .thenComparing(g -> g.stack().toString()));
    return new GoroutineReport(
        snapshots.get(snapshots.size() - 1).total(), suspects, summaries, result);
  }

  private static void addSnapshot(Groups groups, GoroutineDump dump, int index, boolean last) {
    StackView[] views = new StackView[dump.stackCount()];
    LongIntMap local = new LongIntMap();
    List<Acc> accs = new ArrayList<>();
    for (int r = 0; r < dump.recordCount(); r++) {
      int stack = dump.stackId(r);
      long key = ((long) stack << 32) | dump.stateId(r);
      int slot = local.get(key, -1);
      Acc acc;
      if (slot < 0) {
        StackView view = views[stack];
        if (view == null) {
          view = views[stack] = StackView.of(dump, stack);
        }
        acc = groups.find(view, dump.state(r));
        local.put(key, accs.size());
        accs.add(acc);
        if (acc.createdBy == null && dump.creatorFrame(r) >= 0) {
          acc.createdBy = dump.frame(dump.creatorFrame(r));
        }
      } else {
        acc = accs.get(slot);
      }
      int count = dump.count(r);
      acc.counts[index] += count;
      if (last) {
        if (dump.kind() == DumpKind.FULL) {
          int wait = dump.waitMinutes(r);
          acc.minWait = acc.waitKnown ? Math.min(acc.minWait, wait) : wait;
          acc.maxWait = acc.waitKnown ? Math.max(acc.maxWait, wait) : wait;
          acc.waitKnown = true;
        }
        acc.leaked += dump.leaked(r) ? count : 0;
        acc.locked += dump.lockedToThread(r) ? count : 0;
      }
    }
  }

  private static void addListing(Groups groups, GoroutineDump listing) {
    Map<String, Long> listedBySignature = new HashMap<>();
    for (int r = 0; r < listing.recordCount(); r++) {
      String signature = StackView.of(listing, listing.stackId(r)).signature;
      listedBySignature.merge(signature, (long) listing.count(r), Long::sum);
    }
    listedBySignature.forEach(
        (signature, count) -> {
          for (Acc acc : groups.bySignature.getOrDefault(signature, List.of())) {
            acc.listed = Math.max(acc.listed, count);
          }
        });
  }

  private GoroutineGroup judge(Acc acc, int snapshots) {
    long count = acc.counts[snapshots - 1];
    long leaked = Math.min(count, Math.max(acc.leaked, acc.listed));
    boolean blocking = BLOCKING.contains(acc.state);
    List<String> why = new ArrayList<>();
    if (leaked > 0) {
      why.add(
          "the goroutineleak profile lists "
              + (leaked == count ? "all " + count : leaked + " of " + count)
              + " (the garbage collector proved they can never run again)");
    }
    if (blocking && snapshots > 1 && growing(acc.counts)) {
      why.add("grew " + arrows(acc.counts) + " across " + snapshots + " snapshots");
    }
    if (blocking
        && acc.waitKnown
        && count >= rules.minCount()
        && acc.maxWait >= rules.minWaitMinutes()) {
      why.add(count + " have been blocked for up to " + acc.maxWait + " minutes");
    }
    Frame at = acc.view.functionFrame;
    String function = at == null ? fallbackFunction(acc) : at.function();
    String location = at == null ? null : at.position();
    LeakPattern pattern = null;
    String reason = null;
    String remedy = null;
    if (!why.isEmpty()) {
      Naming naming = namer.name(acc.state, acc.view.frames, acc.createdBy);
      pattern = naming.pattern();
      remedy = pattern.remedy();
      reason =
          count
              + " goroutines in "
              + acc.state
              + " at "
              + shortName(function)
              + (at == null ? "" : " (" + at.shortPosition() + ")")
              + ": "
              + String.join("; ", why)
              + (naming.evidence() == null ? "" : "; " + naming.evidence());
    }
    List<Long> growth = new ArrayList<>();
    for (long c : acc.counts) {
      growth.add(c);
    }
    return new GoroutineGroup(
        count,
        acc.state,
        acc.waitKnown ? acc.maxWait : null,
        function,
        acc.view.frames,
        pattern != null,
        reason,
        pattern,
        remedy,
        growth,
        acc.waitKnown ? acc.minWait : null,
        location,
        acc.createdBy,
        leaked,
        acc.locked);
  }

  private boolean growing(long[] counts) {
    for (int i = 1; i < counts.length; i++) {
      if (counts[i] < counts[i - 1]) {
        return false;
      }
    }
    return counts[counts.length - 1] - counts[0] >= rules.minGrowth();
  }

  private static String arrows(long[] counts) {
    StringBuilder out = new StringBuilder();
    for (long c : counts) {
      out.append(out.isEmpty() ? "" : " -> ").append(c);
    }
    return out.toString();
  }

  private static String fallbackFunction(Acc acc) {
    if (!acc.view.frames.isEmpty()) {
      return acc.view.frames.get(0).function();
    }
    return acc.createdBy != null ? acc.createdBy.function() : "?";
  }

  /** {@code shop.awaitReservationConfirmation} for a long module path, for sentences. */
  static String shortName(String function) {
    int slash =
        function.lastIndexOf(
            '/', function.indexOf('(') < 0 ? function.length() : function.indexOf('('));
    return slash >= 0 ? function.substring(slash + 1) : function;
  }

  /** A group followed across snapshots. */
  private static final class Acc {
    final StackView view;
    String state;
    final long[] counts;
    Frame createdBy;
    int minWait;
    int maxWait;
    boolean waitKnown;
    long leaked;
    long locked;
    long listed;

    Acc(StackView view, String state, int snapshots) {
      this.view = view;
      this.state = state;
      this.counts = new long[snapshots];
    }
  }

  /** The groups by signature; a count profile's unknown state joins a known one. */
  private static final class Groups {
    final int snapshots;
    final Map<String, List<Acc>> bySignature = new LinkedHashMap<>();
    final List<Acc> all = new ArrayList<>();

    Groups(int snapshots) {
      this.snapshots = snapshots;
    }

    Acc find(StackView view, String state) {
      List<Acc> same = bySignature.computeIfAbsent(view.signature, s -> new ArrayList<>());
      boolean unknown = state.equals(GoroutineDump.UNKNOWN_STATE);
      for (Acc acc : same) {
        if (acc.state.equals(state) || (unknown && !same.isEmpty())) {
          return acc;
        }
      }
      for (Acc acc : same) {
        if (acc.state.equals(GoroutineDump.UNKNOWN_STATE)) {
          acc.state = state;
          return acc;
        }
      }
      Acc acc = new Acc(view, state, snapshots);
      same.add(acc);
      all.add(acc);
      return acc;
    }
  }
}
