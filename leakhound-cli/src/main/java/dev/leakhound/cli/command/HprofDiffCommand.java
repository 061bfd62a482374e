package dev.leakhound.cli.command;

import dev.leakhound.analysis.heap.HeapDiffCalculator;
import dev.leakhound.analysis.heap.HeapDiffReport;
import dev.leakhound.analysis.heap.HeapDiffTextRenderer;
import dev.leakhound.analysis.heap.HeapDumpAnalyzer;
import dev.leakhound.analysis.heap.HeapReport;
import dev.leakhound.cli.ExitCodes;
import dev.leakhound.cli.UsageException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakhound hprof diff BASE CURRENT}: what grew between two dumps of one process. */
@Command(
    name = "diff",
    description = "Show what grew between two heap dumps, by class and by dominator path.",
    mixinStandardHelpOptions = true)
public final class HprofDiffCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "BASE", description = "The earlier dump.")
  String base;

  @Parameters(index = "1", paramLabel = "CURRENT", description = "The later dump.")
  String current;

  @Mixin TextOrJsonOutput out;

  @Option(
      names = "--show-values",
      description =
          "Print string and primitive-array contents on paths (off: they hold user data).")
  boolean showValues;

  @Option(names = "--fail-on-leak", description = "Exit 3 when the later dump has a leak suspect.")
  boolean failOnLeak;

  @Override
  public Integer call() throws Exception {
    if ("-".equals(base) && "-".equals(current)) {
      throw new UsageException("only one of BASE and CURRENT can be standard input");
    }
    HeapDumpAnalyzer.Options options =
        new HeapDumpAnalyzer.Options(50, Integer.MAX_VALUE, showValues, 0.10);
    HeapReport before = HprofCommand.analyze(base, options);
    HeapReport after = HprofCommand.analyze(current, options);
    HeapDiffReport diff = HeapDiffCalculator.compare(before, after);
    out.write(new HeapDiffTextRenderer(), diff);
    return failOnLeak && !diff.suspects().isEmpty() ? ExitCodes.LEAK_FOUND : ExitCodes.OK;
  }
}
