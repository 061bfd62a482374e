package dev.leakhound.analysis.gctrace;

/**
 * One piece of GC tuning advice: what to do, the setting to try, and why (with the figures it rests
 * on). The record is the JSON shape of an {@code advice} entry.
 *
 * @param id a stable kebab-case name ({@code raise-gogc}, {@code set-gomemlimit}, ...)
 * @param action what to do, as an imperative sentence
 * @param setting the environment setting to try ({@code GOGC=400}), or null when none applies
 * @param reason why, with the measured figures
 */
public record GcAdvice(String id, String action, String setting, String reason) {}
