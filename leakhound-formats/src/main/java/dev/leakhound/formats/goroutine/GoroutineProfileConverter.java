package dev.leakhound.formats.goroutine;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.formats.pprof.Function;
import dev.leakhound.formats.pprof.Label;
import dev.leakhound.formats.pprof.Line;
import dev.leakhound.formats.pprof.Location;
import dev.leakhound.formats.pprof.Profile;
import dev.leakhound.formats.pprof.ValueType;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a decoded protobuf goroutine or goroutineleak profile ({@code /debug/pprof/goroutine},
 * {@code /debug/pprof/goroutineleak}: sample type {@code goroutine/count} or {@code
 * goroutineleak/count}, one sample per distinct stack with its count and pprof labels) into the
 * dump model, like a count profile ({@code debug=1}). Unlike that text form, the proto keeps the
 * runtime frames on top of each stack, so the state is read off them ({@code runtime.chanrecv} is
 * {@code chan receive}, {@code runtime.selectgo} is {@code select}, ...).
 *
 * <p>Stateless. Cost: one pass over the samples and their frames.
 */
final class GoroutineProfileConverter {
  /** How deep the frames that say what a goroutine waits on can be (gopark, chanrecv, ...). */
  private static final int STATE_FRAMES = 6;

  private GoroutineProfileConverter() {}

  static GoroutineDump convert(String source, Profile profile) throws InputFormatException {
    int type = -1;
    boolean leak = false;
    List<ValueType> types = profile.sampleTypes();
    for (int i = 0; i < types.size(); i++) {
      String name = types.get(i).type();
      if (name.equals("goroutine") || name.equals("goroutineleak")) {
        type = i;
        leak = name.equals("goroutineleak");
      }
    }
    if (type < 0) {
      throw InputFormatException.atByte(
          source,
          0,
          "a goroutine or goroutineleak profile (sample type goroutine/count), not one of "
              + types);
    }
    DumpBuilder builder = new DumpBuilder();
    int unknown = builder.state(GoroutineDump.UNKNOWN_STATE);
    int[] frames = new int[64];
    long total = 0;
    for (int s = 0; s < profile.sampleCount(); s++) {
      long count = profile.value(s, type);
      if (count < 1 || count > Integer.MAX_VALUE) {
        continue; // a zero count says nothing; a negative one is not a goroutine count
      }
      int depth = 0;
      String state = null;
      List<Location> locations = profile.locations();
      for (int d = 0; d < profile.stackDepth(s); d++) {
        Location location = locations.get(profile.stackLocation(s, d));
        if (location.lines().isEmpty()) {
          frames = grow(frames, depth);
          frames[depth++] =
              frame(builder, "0x" + Long.toHexString(location.address()), "", 0, source);
          continue;
        }
        for (Line line : location.lines()) {
          Function f = profile.functionOf(line);
          if (state == null && depth < STATE_FRAMES) {
            state = stateOf(f.name());
          }
          frames = grow(frames, depth);
          frames[depth++] = frame(builder, f.name(), f.filename(), line.line(), source);
        }
      }
      int stack = builder.stack(frames, depth);
      if (stack < 0) {
        throw InputFormatException.atByte(source, 0, "fewer distinct stacks (memory limit)");
      }
      int labels = -1;
      if (profile.labelCount(s) > 0) {
        labels = builder.labels(labelText(profile.labels(s)));
      }
      int flags = leak ? GoroutineDump.FLAG_LEAKED : 0;
      if (builder.add(
              -1,
              (int) count,
              stack,
              state == null ? unknown : builder.state(state),
              0,
              flags,
              -1,
              -1,
              labels)
          < 0) {
        throw InputFormatException.atByte(
            source, 0, "at most " + DumpBuilder.MAX_RECORDS + " records");
      }
      total += count;
    }
    return builder.build(source, leak ? DumpKind.LEAK_PROTO : DumpKind.PROTO, total, false, 0);
  }

  private static int[] grow(int[] frames, int depth) {
    return depth < frames.length ? frames : Arrays.copyOf(frames, depth * 2);
  }

  private static int frame(
      DumpBuilder builder, String function, String file, long line, String source)
      throws InputFormatException {
    String position = line > 0 ? file + ":" + line : file;
    int id =
        builder.frame(
            builder.function(function.isEmpty() ? "?" : function), builder.position(position));
    if (id < 0) {
      throw InputFormatException.atByte(source, 0, "fewer distinct frames (memory limit)");
    }
    return id;
  }

  /**
   * The state the first runtime frame that names one implies, else null (see {@link
   * GoroutineDumpReader#inferState}).
   */
  static String stateOf(String function) {
    return switch (function) {
      case "runtime.chanrecv", "runtime.chanrecv1", "runtime.chanrecv2" -> "chan receive";
      case "runtime.chansend", "runtime.chansend1" -> "chan send";
      case "runtime.selectgo", "runtime.block" -> "select";
      case "runtime.netpollblock", "internal/poll.runtime_pollWait" -> "IO wait";
      case "time.Sleep", "runtime.timeSleep" -> "sleep";
      default -> GoroutineDumpReader.inferState(function);
    };
  }

  /** The labels as debug=1 prints them: {@code {"k":"v", "n":3}}. */
  private static String labelText(List<Label> labels) {
    StringBuilder out = new StringBuilder("{");
    for (Label l : labels) {
      if (out.length() > 1) {
        out.append(", ");
      }
      out.append('"').append(l.key()).append("\":");
      out.append(l.isString() ? "\"" + l.str() + "\"" : Long.toString(l.num()));
    }
    return out.append('}').toString();
  }
}
