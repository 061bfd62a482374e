package dev.leakhound.cli.command;

import dev.leakhound.analysis.jvm.HistogramGrowth;
import dev.leakhound.analysis.jvm.HistogramGrowthDetector;
import dev.leakhound.analysis.jvm.HistogramGrowthTextRenderer;
import dev.leakhound.cli.ExitCodes;
import dev.leakhound.cli.UsageException;
import dev.leakhound.formats.io.Inputs;
import dev.leakhound.formats.jvm.ClassHistogram;
import dev.leakhound.formats.jvm.ClassHistogramReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakhound histo diff BASE CURRENT [MORE...]}: the classes that grew, and why. */
@Command(
    name = "diff",
    description = {
      "Rank the classes whose instances and bytes grew from BASE to CURRENT (and through MORE"
          + " histograms, oldest first), name the leak pattern and its remedy.",
      "Each FILE holds jmap -histo or jcmd GC.class_histogram output (JDK 8 to 25), or several"
          + " appended one after another. Three or more histograms tell steady growth from a"
          + " warm-up.",
    },
    mixinStandardHelpOptions = true)
public final class HistoDiffCommand implements Callable<Integer> {
  @Parameters(
      arity = "2..*",
      paramLabel = "FILE",
      description = "BASE CURRENT [MORE...]: histograms, oldest first; '-' for standard input.")
  List<String> files;

  @Mixin TextOrJsonOutput out;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "20",
      description = "Classes listed in text (default: ${DEFAULT-VALUE}; json lists all).")
  int top;

  @Option(
      names = "--min-bytes",
      paramLabel = "BYTES",
      defaultValue = "65536",
      description = "Smallest growth a suspect must show (default: ${DEFAULT-VALUE}).")
  long minBytes;

  @Option(names = "--fail-on-leak", description = "Exit with 3 when a leak suspect is found.")
  boolean failOnLeak;

  @Override
  public Integer call() throws IOException {
    if (minBytes < 0 || top < 0) {
      throw new UsageException("--min-bytes and --top take a number of 0 or more");
    }
    if (files.stream().filter(Inputs.STDIN::equals).count() > 1) {
      throw new UsageException("standard input ('-') can be given once");
    }
    List<ClassHistogram> series = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    for (String file : files) {
      List<ClassHistogram> read = read(file);
      for (int i = 0; i < read.size(); i++) {
        series.add(read.get(i));
        String name = Inputs.displayName(file);
        sources.add(read.size() == 1 ? name : name + "#" + (i + 1));
      }
    }
    HistogramGrowth growth = HistogramGrowthDetector.detect(series, sources, minBytes);
    out.write(new HistogramGrowthTextRenderer(top), growth);
    return failOnLeak && growth.leakFound() ? ExitCodes.LEAK_FOUND : ExitCodes.OK;
  }

  private static List<ClassHistogram> read(String file) throws IOException {
    try (InputStream in = Inputs.open(file)) {
      return ClassHistogramReader.readAll(Inputs.displayName(file), in);
    }
  }
}
