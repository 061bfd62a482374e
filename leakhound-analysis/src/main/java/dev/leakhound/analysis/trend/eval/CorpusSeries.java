package dev.leakhound.analysis.trend.eval;

import dev.leakhound.analysis.trend.TrendInput;

/**
 * One labelled series of the evaluation corpus: its name (the directory), its label and the input
 * built from its signals CSV. Immutable and thread-safe.
 *
 * @param name the directory name
 * @param label the ground truth
 * @param input the signal with its companions
 */
public record CorpusSeries(String name, SeriesLabel label, TrendInput input) {}
