package dev.leakhound.analysis.goroutine;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.leakhound.analysis.pattern.LeakPattern;
import dev.leakhound.formats.goroutine.Frame;
import java.util.List;

/**
 * Goroutines of the last dump that share a stack (runtime frames on top left out, as pprof's
 * debug=1 form does) and a state. The record is the JSON shape (README documents it); keys a dump
 * cannot fill (wait times of a count profile, the creator) are null.
 *
 * @param count goroutines in the group
 * @param state the runtime's word for what they wait on ({@code chan receive}, {@code select},
 *     ...), or {@code unknown} for count profiles whose stack does not say
 * @param maxWaitMinutes the longest wait in the group, in whole minutes as the runtime prints it
 * @param function the first frame outside the runtime and the standard library (else the first
 *     frame outside the runtime): where the program's own code waits
 * @param stack the frames, innermost first
 * @param suspect true when the group looks like a leak
 * @param reason why it is (or, for large groups, why it is not) a suspect; null otherwise
 * @param pattern the named leak pattern of a suspect, else null
 * @param remedy what to change in the code, for a suspect
 * @param growth the group's size in each snapshot, oldest first
 * @param minWaitMinutes the shortest wait in the group
 * @param location {@code file:line} of {@code function}
 * @param createdBy the frame of the {@code created by} line of the group's first goroutine
 * @param leaked goroutines of the group that the goroutineleak profile lists
 * @param lockedToThread goroutines of the group locked to their OS thread
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record GoroutineGroup(
    long count,
    String state,
    Integer maxWaitMinutes,
    String function,
    List<Frame> stack,
    boolean suspect,
    String reason,
    LeakPattern pattern,
    String remedy,
    List<Long> growth,
    Integer minWaitMinutes,
    String location,
    Frame createdBy,
    long leaked,
    long lockedToThread) {
  public GoroutineGroup {
    stack = List.copyOf(stack);
    growth = List.copyOf(growth);
    if (count < 1) {
      throw new IllegalArgumentException("a group has at least one goroutine: " + count);
    }
    if (suspect != (pattern != null)) {
      throw new IllegalArgumentException("a suspect, and only a suspect, names a pattern");
    }
  }
}
