package dev.leakhound.analysis.trend.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.analysis.trend.TrendAnalyzer;
import dev.leakhound.formats.progress.CancelSignal;
import dev.leakhound.formats.progress.ProgressListener;
import dev.leakhound.testkit.RepoRoot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The acceptance test: the verdict engine, run incrementally as a watcher would on every
 * series of testdata/trend-corpus (synthetic and real lab captures), must say leak on no series
 * that does not leak, find every leak of 2 %/h of its starting floor or more within two hours, and
 * reach a median time to detect at least three times shorter than a static threshold rule's. The
 * table is written to target/trend-evaluation.txt (and shown when a target is missed).
 */
class TrendCorpusEvaluationTest {
  @Test
  void theEngineMeetsItsTargetsOnTheWholeCorpus() throws IOException {
    List<CorpusSeries> corpus = new CorpusReader().read(RepoRoot.resolve("testdata/trend-corpus"));
    EvaluationReport report =
        new CorpusEvaluator(new TrendAnalyzer())
            .evaluate(corpus, ProgressListener.NONE, CancelSignal.NEVER);
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    new EvaluationTextRenderer().write(report, text);
    String table = text.toString(StandardCharsets.UTF_8);
    Files.writeString(Path.of("target", "trend-evaluation.txt"), table);

    long real = corpus.stream().filter(s -> !s.name().startsWith("syn-")).count();
    long synthetic = corpus.size() - real;
    assertThat(corpus).as("series in the corpus").hasSizeGreaterThanOrEqualTo(40);
    assertThat(real).as("real lab captures").isGreaterThanOrEqualTo(20);
    assertThat(synthetic).as("synthetic series").isGreaterThanOrEqualTo(20);
    assertThat(report.targets().falseLeakSeries()).as(table).isEmpty();
    assertThat(report.targets().missedFastLeaks()).as(table).isEmpty();
    assertThat(report.targets().met()).as(table).isTrue();
  }
}
