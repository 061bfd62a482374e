package dev.leakhound.analysis.profile;

/**
 * A call tree of a profile for flame graphs: the sample type shown, and the root node whose value
 * is the total (see {@link FlameNode} for the d3-flame-graph JSON shape).
 *
 * <p>Immutable and thread-safe.
 *
 * @param sampleType the sample type shown, e.g. {@code inuse_space}
 * @param unit its unit
 * @param diff whether nodes carry a {@code delta} (the profile is a diff)
 * @param root the root node, named {@code root}
 */
public record FlameGraph(String sampleType, String unit, boolean diff, FlameNode root) {}
