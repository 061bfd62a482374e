/**
 * Benchmarks: JMH classes ({@code *Benchmark}) and the generators ({@code *Generator}) that
 * whole-process comparisons in {@code bench/*.sh} use to make their inputs.
 */
package dev.leakhound.bench;
