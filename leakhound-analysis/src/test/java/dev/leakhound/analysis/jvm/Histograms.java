package dev.leakhound.analysis.jvm;

import dev.leakhound.formats.io.Inputs;
import dev.leakhound.formats.jvm.ClassHistogram;
import dev.leakhound.formats.jvm.ClassHistogramEntry;
import dev.leakhound.formats.jvm.ClassHistogramReader;
import dev.leakhound.testkit.RepoRoot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: histograms from testdata, and synthetic ones from rows written in code. */
final class Histograms {
  private Histograms() {}

  static ClassHistogram read(String testdataPath) throws IOException {
    Path p = RepoRoot.resolve(testdataPath);
    try (InputStream in = Inputs.open(p)) {
      return ClassHistogramReader.read(p.getFileName().toString(), in);
    }
  }

  static List<ClassHistogram> readAll(String... testdataPaths) throws IOException {
    List<ClassHistogram> out = new ArrayList<>();
    for (String p : testdataPaths) {
      out.add(read(p));
    }
    return out;
  }

  /** A builder of synthetic histograms: {@code of().row("a.B", 10, 160).build()}. */
  static Builder of() {
    return new Builder();
  }

  static final class Builder {
    private final List<ClassHistogramEntry> rows = new ArrayList<>();

    Builder row(String className, long instances, long bytes) {
      rows.add(new ClassHistogramEntry(className, instances, bytes, null));
      return this;
    }

    ClassHistogram build() {
      long i = rows.stream().mapToLong(ClassHistogramEntry::instances).sum();
      long b = rows.stream().mapToLong(ClassHistogramEntry::bytes).sum();
      return new ClassHistogram(rows, i, b, true, false, 1);
    }
  }
}
