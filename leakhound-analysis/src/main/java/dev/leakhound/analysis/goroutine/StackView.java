package dev.leakhound.analysis.goroutine;

import dev.leakhound.formats.goroutine.Frame;
import dev.leakhound.formats.goroutine.GoNames;
import dev.leakhound.formats.goroutine.GoroutineDump;
import java.util.ArrayList;
import java.util.List;

/**
 * A distinct stack as the analysis sees it: the runtime frames on top dropped (unless that leaves
 * nothing), {@code runtime.goexit} dropped, with a signature that lines up the same stack across
 * dumps of any form, and the frame a group is named after.
 *
 * <p>Immutable. Built once per distinct stack of a dump.
 */
final class StackView {
  final List<Frame> frames;
  final String signature;
  final Frame functionFrame;

  private StackView(List<Frame> frames) {
    this.frames = List.copyOf(frames);
    StringBuilder sig = new StringBuilder();
    for (Frame f : frames) {
      sig.append(f.function()).append(' ').append(f.position()).append('\n');
    }
    this.signature = sig.toString();
    this.functionFrame = pick(frames);
  }

  static StackView of(GoroutineDump dump, int stackId) {
    int depth = dump.stackDepth(stackId);
    int from = 0;
    while (from < depth
        && GoNames.isRuntime(dump.frame(dump.stackFrame(stackId, from)).function())) {
      from++;
    }
    if (from == depth) {
      from = 0; // only runtime frames: keep them, as pprof does
    }
    List<Frame> frames = new ArrayList<>(depth - from);
    for (int i = from; i < depth; i++) {
      Frame f = dump.frame(dump.stackFrame(stackId, i));
      if (!f.function().equals("runtime.goexit")) {
        frames.add(f);
      }
    }
    return new StackView(frames);
  }

  private static Frame pick(List<Frame> frames) {
    for (Frame f : frames) {
      if (LeakPatternNamer.isUserCode(f)) {
        return f;
      }
    }
    return LeakPatternNamer.waitFrame(frames);
  }
}
