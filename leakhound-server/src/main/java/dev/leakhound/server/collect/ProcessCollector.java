package dev.leakhound.server.collect;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.formats.proc.ProcStat;
import dev.leakhound.formats.proc.ProcStatReader;
import dev.leakhound.formats.proc.ProcStatus;
import dev.leakhound.formats.proc.ProcStatusReader;
import dev.leakhound.server.config.TargetConfig;
import dev.leakhound.server.signal.Signal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects a local process through {@code /proc}: resident memory, threads and open file
 * descriptors. The process is named by {@code pid} or found by a regular expression over its
 * command line ({@code match}); when it exits and a new one matches, that is a restart.
 *
 * <p>Linux only. Clock ticks are taken as 100 per second (USER_HZ on every mainstream Linux).
 * Thread-safe under the scheduler's guarantee that scrapes never overlap.
 */
final class ProcessCollector implements Collector {
  static final String PID = "pid";
  static final String MATCH = "match";
  private static final long TICKS_PER_SECOND = 100;

  private final CollectContext context;
  private final Path proc;
  private final long fixedPid;
  private final Pattern match;
  private long pid = -1;
  private long startTicks = -1;

  ProcessCollector(TargetConfig target, CollectContext context, Path proc) {
    this.context = context;
    this.proc = proc;
    String p = target.options().get(PID);
    this.fixedPid = p == null ? -1 : Long.parseLong(p.strip());
    String m = target.options().get(MATCH);
    this.match = m == null ? null : Pattern.compile(m);
  }

  @Override
  public Scrape scrape() throws CollectException {
    List<String> notes = new ArrayList<>();
    ProcStat stat = locate(notes);
    Map<Signal, Double> v = new EnumMap<>(Signal.class);
    ProcStatus status = read(pid, "status", ProcStatusReader::read);
    status.rssBytes().ifPresent(rss -> v.put(Signal.RSS, (double) rss));
    v.put(Signal.THREADS, (double) stat.threads());
    v.put(Signal.OPEN_FDS, (double) countFds(notes));
    double started = bootTimeSeconds() + stat.startTimeTicks() / (double) TICKS_PER_SECOND;
    v.put(Signal.START_TIME, started);
    return new Scrape(
        context.clock().millis(), v, "pid:" + pid + "@" + stat.startTimeTicks(), notes);
  }

  private ProcStat locate(List<String> notes) throws CollectException {
    if (pid > 0) {
      try {
        ProcStat s = read(pid, "stat", ProcStatReader::read);
        if (s.startTimeTicks() == startTicks) {
          return s;
        }
      } catch (CollectException e) {
        // gone: find it again below
      }
    }
    if (fixedPid > 0) {
      ProcStat s = read(fixedPid, "stat", ProcStatReader::read);
      pid = fixedPid;
      startTicks = s.startTimeTicks();
      return s;
    }
    ProcStat best = null;
    int count = 0;
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, "[0-9]*")) {
      for (Path dir : dirs) {
        long candidate = Long.parseLong(dir.getFileName().toString());
        if (candidate == self) {
          continue;
        }
        String cmdline;
        try {
          cmdline =
              new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8)
                  .replace('\0', ' ')
                  .strip();
        } catch (IOException e) {
          continue;
        }
        if (cmdline.isEmpty() || !match.matcher(cmdline).find()) {
          continue;
        }
        try {
          ProcStat s = read(candidate, "stat", ProcStatReader::read);
          count++;
          if (best == null || s.startTimeTicks() < best.startTimeTicks()) {
            best = s;
          }
        } catch (CollectException e) {
          // exited while we looked
        }
      }
    } catch (IOException | NumberFormatException e) {
      throw new CollectException("cannot list " + proc + ": " + e.getMessage(), e);
    }
    if (best == null) {
      throw new CollectException("no process's command line matches /" + match.pattern() + "/");
    }
    if (count > 1) {
      notes.add(
          count
              + " processes match /"
              + match.pattern()
              + "/; watching pid "
              + best.pid()
              + ", the oldest");
    }
    pid = best.pid();
    startTicks = best.startTimeTicks();
    return best;
  }

  private long countFds(List<String> notes) {
    long n = 0;
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve(pid + "/fd"))) {
      for (Path ignored : fds) {
        n++;
      }
    } catch (IOException e) {
      notes.add(
          "cannot count open files of pid " + pid + " (" + e.getClass().getSimpleName() + ")");
      return 0;
    }
    return n;
  }

  private double bootTimeSeconds() throws CollectException {
    try {
      for (String line : Files.readAllLines(proc.resolve("stat"))) {
        if (line.startsWith("btime ")) {
          return Double.parseDouble(line.substring(6).strip());
        }
      }
    } catch (IOException | NumberFormatException e) {
      throw new CollectException("cannot read the boot time from " + proc + "/stat", e);
    }
    throw new CollectException("no btime line in " + proc + "/stat");
  }

  private interface Reader<T> {
    T read(String source, byte[] data) throws InputFormatException;
  }

  private <T> T read(long p, String file, Reader<T> reader) throws CollectException {
    Path path = proc.resolve(p + "/" + file);
    try {
      return reader.read(path.toString(), Files.readAllBytes(path));
    } catch (NoSuchFileException e) {
      throw new CollectException("process " + p + " is gone (no " + path + ")", e);
    } catch (InputFormatException e) {
      throw new CollectException(e.getMessage(), e);
    } catch (IOException e) {
      throw new CollectException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Set<ProfileKind> captureKinds() {
    return Set.of();
  }

  @Override
  public CapturedProfile capture(ProfileKind kind) throws CollectException {
    throw new CollectException("a process target has no profiles to capture");
  }
}
