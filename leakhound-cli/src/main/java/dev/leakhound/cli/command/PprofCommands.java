package dev.leakhound.cli.command;

import dev.leakhound.analysis.profile.TopCalculator;
import dev.leakhound.analysis.profile.TopOptions;
import dev.leakhound.analysis.profile.TopReport;
import dev.leakhound.cli.UsageException;
import dev.leakhound.formats.pprof.Profile;

/** What the pprof commands share: turning the analysis' argument errors into usage errors. */
final class PprofCommands {
  private PprofCommands() {}

  /** The top report; an unknown sample index is a usage error naming the choices. */
  static TopReport top(Profile profile, TopOptions options) {
    try {
      return TopCalculator.compute(profile, options);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
