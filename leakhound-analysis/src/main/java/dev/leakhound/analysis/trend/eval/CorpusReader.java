package dev.leakhound.analysis.trend.eval;

import dev.leakhound.analysis.trend.SignalKind;
import dev.leakhound.analysis.trend.TrendInputs;
import dev.leakhound.formats.csv.CsvSeries;
import dev.leakhound.formats.csv.CsvSeriesReader;
import dev.leakhound.formats.io.InputFormatException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Reads an evaluation corpus: every subdirectory holding a {@code label.properties} and a {@code
 * signals.csv} (or {@code signals.csv.gz}) is one series. Label keys: {@code leak} (true/false),
 * {@code leak_start} (unix seconds), {@code rate_per_hour}, {@code relative_rate_per_hour}, {@code
 * column}, {@code load_column}, {@code limit}, {@code kind}, {@code source}.
 *
 * <p>Stateless and thread-safe. A bad label or CSV fails with {@link InputFormatException} naming
 * the file.
 */
public final class CorpusReader {
  /** Reads every series under {@code dir}, sorted by name. */
  public List<CorpusSeries> read(Path dir) throws IOException {
    List<Path> subdirs;
    try (Stream<Path> s = Files.list(dir)) {
      subdirs = s.filter(p -> Files.isRegularFile(p.resolve("label.properties"))).sorted().toList();
    }
    List<CorpusSeries> out = new ArrayList<>();
    for (Path d : subdirs) {
      out.add(readOne(d));
    }
    return out;
  }

  /** Reads the series in one directory. */
  public CorpusSeries readOne(Path d) throws IOException {
    Path labelFile = d.resolve("label.properties");
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(labelFile, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    SeriesLabel label;
    try {
      label =
          new SeriesLabel(
              Boolean.parseBoolean(p.getProperty("leak", "false").strip()),
              number(p, "leak_start"),
              number(p, "rate_per_hour"),
              number(p, "relative_rate_per_hour"),
              p.getProperty("column"),
              p.getProperty("load_column"),
              number(p, "limit"),
              p.getProperty("kind"),
              p.getProperty("source", ""));
    } catch (IllegalArgumentException e) {
      throw InputFormatException.atLine(labelFile.toString(), 1, e.getMessage());
    }
    Path csvFile = d.resolve("signals.csv");
    if (!Files.exists(csvFile)) {
      csvFile = d.resolve("signals.csv.gz");
    }
    CsvSeries csv = new CsvSeriesReader().read(csvFile.toString());
    for (String c : new String[] {label.column(), label.loadColumn()}) {
      if (c != null && !csv.hasColumn(c)) {
        throw InputFormatException.atLine(
            csvFile.toString(), 1, "a column '" + c + "' as " + labelFile + " says");
      }
    }
    SignalKind kind = label.kind() == null ? null : SignalKind.byId(label.kind());
    return new CorpusSeries(
        d.getFileName().toString(),
        label,
        TrendInputs.fromCsv(
            csv,
            csv.canonicalName(label.column()),
            kind,
            label.loadColumn() == null ? null : csv.canonicalName(label.loadColumn()),
            label.limit() == null ? Double.NaN : label.limit()));
  }

  private static Double number(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Double.valueOf(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, found \"" + v.strip() + "\"");
    }
  }
}
