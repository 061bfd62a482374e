package dev.leakhound.server.store;

/**
 * Something that happened to a target, drawn as a marker on its charts: a restart, a capture, a
 * report opened or resolved, an alert fired or resolved.
 *
 * <p>Immutable.
 *
 * @param id the row id
 * @param target the target name
 * @param t when (ms since the epoch)
 * @param kind {@code restart}, {@code capture}, {@code report-opened}, {@code report-resolved},
 *     {@code alert-firing}, {@code alert-resolved}, {@code down}, {@code up}
 * @param detail words for a tooltip
 */
public record EventRecord(long id, String target, long t, String kind, String detail) {}
