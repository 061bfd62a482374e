package dev.leakhound.analysis.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.formats.pprof.Function;
import dev.leakhound.formats.pprof.Line;
import dev.leakhound.formats.pprof.Location;
import dev.leakhound.formats.pprof.Profile;
import dev.leakhound.formats.pprof.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pruning of drop_frames as pprof's Prune does it, and pprof's name simplification. */
class FrameFilterTest {
  private static Profile allocations(String drop, String keep) {
    return Profile.builder()
        .addSampleType(new ValueType("space", "bytes"))
        .dropFrames(drop)
        .keepFrames(keep)
        .addFunction(Function.of(1, "runtime.mallocgc", "malloc.go"))
        .addFunction(Function.of(2, "runtime.newobject", "malloc.go"))
        .addFunction(Function.of(3, "main.leak", "main.go"))
        .addFunction(Function.of(4, "runtime.main", "proc.go"))
        .addFunction(Function.of(5, "runtime.panic", "panic.go"))
        .addLocation(Location.of(1, new Line(1, 1, 0)))
        .addLocation(Location.of(2, new Line(2, 1, 0)))
        .addLocation(Location.of(3, new Line(3, 1, 0)))
        .addLocation(Location.of(4, new Line(4, 1, 0)))
        .addLocation(Location.of(5, new Line(5, 1, 0)))
        .addSample(new long[] {1, 2, 3, 4}, new long[] {100}, List.of())
        .addSample(new long[] {1, 5, 3, 4}, new long[] {50}, List.of())
        .addSample(new long[] {1, 2}, new long[] {7}, List.of())
        .build();
  }

  private static List<String> stack(Profile p, int s) {
    return p.sample(s).locations().stream()
        .map(l -> p.functionOf(l.lines().get(0)).name())
        .toList();
  }

  @Test
  void allocatorFramesAreDroppedFromTheLeafSideBelowTheFirstUserFrame() {
    Profile pruned =
        FrameFilter.removeUninteresting(allocations("runtime\\..*", "runtime\\.panic"));

    assertThat(stack(pruned, 0)).containsExactly("main.leak", "runtime.main");
    // runtime.panic is kept, and everything beneath it goes.
    assertThat(stack(pruned, 1)).containsExactly("runtime.panic", "main.leak", "runtime.main");
    // A stack of nothing but dropped frames stays whole: no user frame to cut below.
    assertThat(stack(pruned, 2)).containsExactly("runtime.mallocgc", "runtime.newobject");
  }

  @Test
  void aProfileWithoutDropFramesIsLeftAlone() {
    Profile p = allocations("", "");

    assertThat(FrameFilter.removeUninteresting(p)).isSameAs(p);
  }

  @Test
  void anInvalidDropExpressionIsIgnoredAsPprofIgnoresIt() {
    Profile p = allocations("(unclosed", "");

    assertThat(FrameFilter.removeUninteresting(p)).isSameAs(p);
  }

  @Test
  void namesLoseTheirArgumentListsButKeepReservedParentheses() {
    assertThat(FrameFilter.simplify("foo::bar(int, char)")).isEqualTo("foo::bar");
    assertThat(FrameFilter.simplify("(anonymous namespace)::f(int)"))
        .isEqualTo("(anonymous namespace)::f");
    assertThat(FrameFilter.simplify(".ppc.entry")).isEqualTo("ppc.entry");
    assertThat(FrameFilter.simplify("main.(*Cache).put")).isEqualTo("main.");
  }
}
