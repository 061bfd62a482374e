package dev.leakhound.server.watch;

import dev.leakhound.analysis.pattern.LeakPattern;
import dev.leakhound.server.report.Culprit;
import dev.leakhound.server.report.GoroutineGrowth;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Compares the profiles of a baseline with those of a capture: the diagnosis's door to the profile
 * algebra ({@code dev.leakhound.analysis.profile}) and the goroutine analysis ({@code
 * dev.leakhound.analysis.goroutine}).
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface ProfileComparison {
  /**
   * The allocation sites whose in-use bytes grew from {@code baseline} to {@code current} (both
   * pprof heap profiles as served, gzipped), largest growth first.
   */
  HeapFindings heapGrowth(byte[] baseline, byte[] current) throws IOException;

  /**
   * The goroutine groups that grew across {@code dumps} (text dumps, oldest first), marked by the
   * runtime's goroutineleak listing when there is one (null otherwise). {@code sourceRoots} are
   * where the program's Go source may be (the paths the dump prints are tried too), so the lines
   * goroutines wait on can be read to name the pattern.
   */
  GoroutineFindings goroutineGrowth(List<byte[]> dumps, byte[] leakListing, List<Path> sourceRoots)
      throws IOException;

  /**
   * What the heap diff says.
   *
   * @param culprits allocation sites that grew
   * @param pattern the pattern the growing stacks show (a map growing: unbounded-map), or null
   * @param evidence why that pattern, in words
   * @param diff the diff itself as gzipped profile.proto (base samples labelled as pprof does),
   *     null without a baseline
   */
  record HeapFindings(List<Culprit> culprits, LeakPattern pattern, String evidence, byte[] diff) {
    public HeapFindings {
      culprits = List.copyOf(culprits);
    }
  }

  /**
   * What the goroutine comparison says.
   *
   * @param groups groups that grew (or are listed as leaked), largest growth first
   * @param pattern the pattern of the largest suspect group, or null
   * @param remedy that group's remedy, or null
   */
  record GoroutineFindings(List<GoroutineGrowth> groups, LeakPattern pattern, String remedy) {
    public GoroutineFindings {
      groups = List.copyOf(groups);
    }
  }
}
