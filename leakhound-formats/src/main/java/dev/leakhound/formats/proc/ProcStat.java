package dev.leakhound.formats.proc;

/**
 * The fields of {@code /proc/PID/stat} a watcher needs (proc(5)).
 *
 * <p>Immutable.
 *
 * @param pid the process id
 * @param comm the command name (without the parentheses)
 * @param state the one-letter state (R, S, D, Z, ...)
 * @param threads the number of threads
 * @param startTimeTicks when the process started, in clock ticks after boot: with the pid it
 *     identifies one process lifetime, so a restart is seen even when the pid is reused
 * @param rssPages the resident set size in pages
 */
public record ProcStat(
    long pid, String comm, char state, long threads, long startTimeTicks, long rssPages) {}
