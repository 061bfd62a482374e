package dev.leakhound.analysis.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.analysis.render.JsonRenderer;
import dev.leakhound.formats.pprof.Function;
import dev.leakhound.formats.pprof.Line;
import dev.leakhound.formats.pprof.Location;
import dev.leakhound.formats.pprof.Profile;
import dev.leakhound.formats.pprof.ValueType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The call tree for flame graphs, in d3-flame-graph's JSON shape. */
class CallTreeCalculatorTest {
  private static Profile profile(long leakBytes, long growBytes) {
    return Profile.builder()
        .addSampleType(new ValueType("inuse_space", "bytes"))
        .addFunction(Function.of(1, "main.main", "main.go"))
        .addFunction(Function.of(2, "main.leak", "main.go"))
        .addFunction(Function.of(3, "main.grow", "main.go"))
        .addFunction(Function.of(4, "main.put", "cache.go"))
        .addLocation(Location.of(1, new Line(1, 10, 0)))
        // main.put inlined into main.leak: one location, two lines, innermost first.
        .addLocation(new Location(2, 0, 0, List.of(new Line(4, 3, 0), new Line(2, 20, 0)), false))
        .addLocation(Location.of(3, new Line(3, 30, 0)))
        .addSample(new long[] {2, 1}, new long[] {leakBytes}, List.of())
        .addSample(new long[] {3, 1}, new long[] {growBytes}, List.of())
        .addSample(new long[] {1}, new long[] {5}, List.of())
        .build();
  }

  private static String json(Object model) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JsonRenderer<>().write(model, out);
    return out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", "");
  }

  @Test
  void eachStackIsAPathFromTheRootWithInlinedFramesExpanded() throws Exception {
    FlameGraph graph = CallTreeCalculator.compute(profile(100, 40), TopOptions.defaults());

    assertThat(json(graph.root()))
        .isEqualTo(
            """
            {"name":"root","value":145,"children":[{"name":"main.main","value":145,"children":[
            {"name":"main.leak","value":100,"children":[{"name":"main.put","value":100,"children":[]}]},
            {"name":"main.grow","value":40,"children":[]}]}]}"""
                .replaceAll("\\s+", ""));
  }

  @Test
  void aDiffTreeCarriesTheCurrentValueAndTheDelta() throws Exception {
    Profile diff = ProfileAlgebra.diff(profile(100, 40), profile(300, 10));

    FlameGraph graph = CallTreeCalculator.compute(diff, TopOptions.defaults());

    assertThat(graph.diff()).isTrue();
    FlameNode main = graph.root().children().get(0);
    assertThat(main.value()).isEqualTo(315);
    assertThat(main.delta()).isEqualTo(170);
    assertThat(main.children())
        .extracting(FlameNode::name, FlameNode::value, FlameNode::delta)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("main.leak", 300L, 200L),
            org.assertj.core.groups.Tuple.tuple("main.grow", 10L, -30L));
  }

  @Test
  void veryDeepStacksAreCutAtTheMaximumDepth() {
    var b = Profile.builder().addSampleType(new ValueType("samples", "count"));
    b.addFunction(Function.of(1, "main.rec", "rec.go"));
    b.addLocation(Location.of(1, new Line(1, 1, 0)));
    long[] stack = new long[CallTreeCalculator.MAX_DEPTH * 3];
    java.util.Arrays.fill(stack, 1);
    b.addSample(stack, new long[] {1}, List.of());

    FlameNode node = CallTreeCalculator.compute(b.build(), TopOptions.defaults()).root();
    int depth = 0;
    while (!node.children().isEmpty()) {
      node = node.children().get(0);
      depth++;
    }

    assertThat(depth).isEqualTo(CallTreeCalculator.MAX_DEPTH);
  }
}
