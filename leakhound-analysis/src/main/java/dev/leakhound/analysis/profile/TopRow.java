package dev.leakhound.analysis.profile;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One row of a {@link TopReport}: a function (or a line of one) with its flat value (samples taken
 * in it) and cumulative value (samples with it anywhere on the stack, counted once per sample even
 * when it recurses). In a diff, values are the change from the base (negative: shrank).
 *
 * <p>Immutable and thread-safe.
 *
 * @param function the function name; for frames without one, {@code [binary]} or {@code <unknown>}
 * @param file the source file, or {@code ""} when unknown
 * @param line the line (per-line rows), or the line the function starts on (per-function rows), or
 *     0 when unknown
 * @param flat the value of the samples whose leaf frame this is, in the sample type's unit
 * @param cum the value of the samples with this frame anywhere on their stack
 * @param name the name pprof prints for the row ({@code main.f} or {@code main.f main.go:12})
 * @param inlineLabel pprof's {@code (inline)} (every call into it was inlined) or {@code
 *     (partial-inline)} (some were), or {@code ""}
 */
public record TopRow(
    String function,
    String file,
    long line,
    long flat,
    long cum,
    @JsonIgnore String name,
    @JsonIgnore String inlineLabel) {}
