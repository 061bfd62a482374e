package dev.leakhound.formats.proc;

import java.util.Map;
import java.util.OptionalLong;

/**
 * The fields of {@code /proc/PID/status} a memory watcher needs, plus every numeric field by name
 * (sizes in bytes: the kernel's {@code kB} is converted).
 *
 * <p>Immutable.
 *
 * @param name the {@code Name} field (the command, at most 15 characters)
 * @param pid the {@code Pid} field
 * @param numbers every field whose value is a number, sizes converted to bytes ({@code VmRSS},
 *     {@code Threads}, {@code RssAnon}, {@code FDSize}...)
 */
public record ProcStatus(String name, long pid, Map<String, Long> numbers) {
  public ProcStatus {
    name = name == null ? "" : name;
    numbers = Map.copyOf(numbers);
  }

  /** Resident set size in bytes ({@code VmRSS}). */
  public OptionalLong rssBytes() {
    return field("VmRSS");
  }

  /** Number of threads ({@code Threads}). */
  public OptionalLong threads() {
    return field("Threads");
  }

  /** A numeric field by its name in the file. */
  public OptionalLong field(String key) {
    Long v = numbers.get(key);
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }
}
