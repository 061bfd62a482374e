package dev.leakhound.server.report;

import java.util.List;

/**
 * A group of goroutines (same stack, same state) that grew between the baseline and the capture, or
 * that the runtime's goroutineleak profile lists.
 *
 * <p>Immutable. The component order is the JSON shape.
 *
 * @param function where the group's own code waits (first frame outside the runtime)
 * @param state what they wait on: {@code chan receive}, {@code select}, {@code sync.Mutex.Lock}...
 * @param count goroutines in the group now
 * @param growth goroutines gained since the baseline
 * @param location {@code file:line} of the wait
 * @param createdBy the function that started them
 * @param maxWaitMinutes the longest wait in the group, when the dump says
 * @param leaked how many the runtime's goroutineleak profile confirms as leaked
 * @param pattern the named leak pattern, or null
 * @param stack the frames, innermost first ({@code function file:line})
 */
public record GoroutineGrowth(
    String function,
    String state,
    long count,
    long growth,
    String location,
    String createdBy,
    Integer maxWaitMinutes,
    long leaked,
    String pattern,
    List<String> stack) {
  public GoroutineGrowth {
    stack = stack == null ? List.of() : List.copyOf(stack);
  }
}
