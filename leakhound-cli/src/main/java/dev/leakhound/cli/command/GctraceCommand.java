package dev.leakhound.cli.command;

import dev.leakhound.analysis.gctrace.GcReport;
import dev.leakhound.analysis.gctrace.GcSettings;
import dev.leakhound.analysis.gctrace.GcTextRenderer;
import dev.leakhound.analysis.gctrace.GcTraceAnalyzer;
import dev.leakhound.analysis.gctrace.TrendEngineJudge;
import dev.leakhound.cli.ExitCodes;
import dev.leakhound.cli.UsageException;
import dev.leakhound.formats.gctrace.GcTrace;
import dev.leakhound.formats.gctrace.GcTraceReader;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code leakhound gctrace}: Read a GODEBUG=gctrace=1 log: GC cycles, live heap trend,
 * GOGC/GOMEMLIMIT advice.
 */
@Command(
    name = "gctrace",
    description =
        "Read a GODEBUG=gctrace=1 log: GC cycles, live heap trend, GOGC/GOMEMLIMIT advice.",
    mixinStandardHelpOptions = true)
public final class GctraceCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "A log holding gctrace lines; '-' for stdin.")
  String file;

  @Mixin TextOrJsonOutput out;

  @Option(
      names = "--gomemlimit",
      paramLabel = "LIMIT",
      description = "The program's GOMEMLIMIT (512MiB, 2GiB, bytes): compared with the heap goal.")
  String gomemlimit;

  @Option(
      names = "--gogc",
      paramLabel = "PERCENT",
      description = "The program's GOGC, when known (else estimated from the trace).")
  Integer gogc;

  @Override
  public Integer call() throws IOException {
    GcSettings settings;
    try {
      settings =
          new GcSettings(gomemlimit == null ? null : GcSettings.parseMemoryLimit(gomemlimit), gogc);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--gomemlimit/--gogc: " + e.getMessage());
    }
    GcTrace trace = new GcTraceReader().read(file);
    GcReport report = new GcTraceAnalyzer(new TrendEngineJudge()).analyze(trace, settings);
    out.write(new GcTextRenderer(), report);
    return ExitCodes.OK;
  }
}
