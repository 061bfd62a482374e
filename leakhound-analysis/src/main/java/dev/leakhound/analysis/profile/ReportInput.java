package dev.leakhound.analysis.profile;

import dev.leakhound.formats.pprof.Profile;
import dev.leakhound.formats.pprof.ValueType;

/**
 * A profile made ready for a report, in the order {@code go tool pprof} does it: names simplified
 * as its symbolizer does, uninteresting frames pruned, the sample type chosen and the total taken
 * (over all samples, before focus and ignore, so percentages stay relative to the whole profile),
 * then focus and ignore applied, and the nodes of the chosen granularity built.
 *
 * <p>Immutable after construction.
 *
 * @param profile the filtered profile
 * @param index the index of the sample type shown
 * @param type that sample type
 * @param diff whether the profile is a diff (has base samples)
 * @param total pprof's total: the sum of |values|, over the base samples for a diff
 * @param nodes the report nodes of {@code profile}
 */
record ReportInput(
    Profile profile, int index, ValueType type, boolean diff, long total, NodeTable nodes) {
  static ReportInput of(Profile profile, TopOptions options) {
    Profile p = FrameFilter.removeUninteresting(SymbolNames.simplify(profile));
    int index = SampleIndex.resolve(p, options.sampleIndex());
    boolean diff = ProfileAlgebra.isDiff(p);
    long total = total(p, index);
    p = FrameFilter.focusIgnore(p, options.focus(), options.ignore());
    return new ReportInput(
        p, index, p.sampleTypes().get(index), diff, total, new NodeTable(p, options.granularity()));
  }

  /** pprof's {@code computeTotal}: sum of |values|, over the base samples when there are any. */
  static long total(Profile p, int index) {
    long total = 0;
    long baseTotal = 0;
    for (int s = 0; s < p.sampleCount(); s++) {
      long v = Math.abs(p.value(s, index));
      total += v;
      if (ProfileAlgebra.isBaseSample(p, s)) {
        baseTotal += v;
      }
    }
    return baseTotal > 0 ? baseTotal : total;
  }
}
