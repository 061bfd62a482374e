package dev.leakhound.analysis.trend.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.testkit.Golden;
import dev.leakhound.testkit.series.SyntheticCorpus;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticCorpusTest {
  @Test
  void theCommittedSyntheticSeriesAreWhatTheSeededGeneratorsMake() {
    // Rewrite with -Dgolden.update=true after changing SyntheticCorpus.
    List<SyntheticCorpus.Entry> entries = SyntheticCorpus.entries();
    for (SyntheticCorpus.Entry e : entries) {
      String dir = "testdata/trend-corpus/" + e.name() + "/";
      Golden.assertMatches(e.series().toCsv(), dir + "signals.csv");
      Golden.assertMatches(e.label(), dir + "label.properties");
    }
    assertThat(entries).hasSizeGreaterThanOrEqualTo(20);
  }
}
