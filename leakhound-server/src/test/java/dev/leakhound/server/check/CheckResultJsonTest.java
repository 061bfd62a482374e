package dev.leakhound.server.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakhound.analysis.render.JsonRenderer;
import dev.leakhound.server.report.ReportSummary;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code check --format json} starts every object with the keys the issue promises scripts. */
class CheckResultJsonTest {
  @Test
  void theContractsKeysComeFirstAtEveryLevel() throws Exception {
    CheckResult r =
        new CheckResult(
            List.of(
                new CheckResult.TargetResult(
                    "shop",
                    "leak",
                    List.of(
                        new ReportSummary.CulpritRow(
                            "shop.(*SessionStore).Remember",
                            "shop/cart_sessions.go",
                            44,
                            49_000_000)),
                    List.of(
                        new ReportSummary.GroupRow(
                            "shop.awaitReservationConfirmation", "chan receive", 2202, 2187)),
                    7L,
                    "unbounded-map",
                    "shop is leaking",
                    null,
                    List.of())),
            true,
            600);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    new JsonRenderer<CheckResult>().write(r, out);

    JsonNode json = JsonRenderer.mapper().readTree(out.toByteArray());
    assertThat(keys(json)).startsWith("targets");
    JsonNode t = json.get("targets").get(0);
    assertThat(keys(t)).startsWith("name", "verdict", "culprits", "goroutineGroups");
    assertThat(keys(t.get("culprits").get(0)))
        .containsExactly("function", "file", "line", "growthBytes");
    assertThat(keys(t.get("goroutineGroups").get(0)))
        .containsExactly("function", "state", "count", "growth");
    assertThat(t.get("culprits").get(0).get("line").asLong()).isEqualTo(44);
    assertThat(t.get("goroutineGroups").get(0).get("growth").asLong()).isEqualTo(2187);
  }

  private static List<String> keys(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
