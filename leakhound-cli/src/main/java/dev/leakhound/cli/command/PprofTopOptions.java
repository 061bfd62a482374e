package dev.leakhound.cli.command;

import dev.leakhound.analysis.profile.Granularity;
import dev.leakhound.analysis.profile.TopOptions;
import dev.leakhound.cli.UsageException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Option;

/** The report options {@code pprof top} and {@code pprof diff} share (a picocli mixin). */
public final class PprofTopOptions {
  @Option(
      names = "--sample-index",
      paramLabel = "NAME",
      description =
          "The sample type to show, by name (inuse_space, alloc_objects...) or number"
              + " (default: the profile's default type, else the last one, as pprof).")
  String sampleIndex;

  @Option(
      names = "--nodecount",
      paramLabel = "N",
      defaultValue = "0",
      description = "Show at most N rows (default: all above the cutoff).")
  int nodeCount;

  @Option(
      names = "--nodefraction",
      paramLabel = "F",
      defaultValue = "0.005",
      description = "Hide rows whose |cum| is under F of the total (default: ${DEFAULT-VALUE}).")
  double nodeFraction;

  @Option(
      names = "--by",
      paramLabel = "function|line",
      defaultValue = "function",
      description = "One row per function or per source line (default: ${DEFAULT-VALUE}).")
  String by;

  @Option(
      names = "--focus",
      paramLabel = "RE",
      description = "Keep only samples with a frame (function or file) matching RE.")
  String focus;

  @Option(
      names = "--ignore",
      paramLabel = "RE",
      description = "Drop samples with a frame (function or file) matching RE.")
  String ignore;

  /** The analysis options these flags ask for; bad values are usage errors. */
  TopOptions toTopOptions() {
    if (nodeCount < 0) {
      throw new UsageException("--nodecount must be 0 or more, not " + nodeCount);
    }
    if (!(nodeFraction >= 0 && nodeFraction <= 1)) {
      throw new UsageException("--nodefraction must be between 0 and 1, not " + nodeFraction);
    }
    Granularity granularity =
        switch (by) {
          case "function", "functions" -> Granularity.FUNCTION;
          case "line", "lines" -> Granularity.LINE;
          default -> throw new UsageException("--by must be function or line, not " + by);
        };
    return new TopOptions(
        sampleIndex,
        granularity,
        nodeCount,
        nodeFraction,
        compile("--focus", focus),
        compile("--ignore", ignore));
  }

  private static Pattern compile(String option, String regex) {
    if (regex == null || regex.isEmpty()) {
      return null;
    }
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new UsageException(
          option + " is not a valid regular expression: " + e.getDescription());
    }
  }
}
