package dev.leakhound.analysis.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One node of a call tree, in the shape d3-flame-graph reads: a frame name, the value of the
 * samples whose stacks pass through it on this path, and its children. For a diff, {@code value} is
 * the current profile's value and {@code delta} the change from the base (d3-flame-graph's
 * differential mode); otherwise {@code delta} is absent.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the function (or {@code function file:line}) name; {@code root} for the root
 * @param value the inclusive value on this path
 * @param delta the inclusive change from the base, or null when not a diff
 * @param children the callees, largest value first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FlameNode(String name, long value, Long delta, List<FlameNode> children) {
  public FlameNode {
    children = List.copyOf(children);
  }
}
