package dev.leakhound.server.collect;

import dev.leakhound.server.config.ConfigProblems;
import dev.leakhound.server.config.TargetConfig;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code kind: process}: a local process through /proc, named by {@code pid: 1234} or found by
 * {@code match: "regex over the command line"}. No address.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProcessTargetKind implements TargetKind {
  private final Path proc;

  public ProcessTargetKind() {
    this(Path.of("/proc"));
  }

  /** A kind reading another /proc tree (tests). */
  public ProcessTargetKind(Path proc) {
    this.proc = proc;
  }

  @Override
  public String name() {
    return "process";
  }

  @Override
  public Set<String> optionKeys() {
    return Set.of(ProcessCollector.PID, ProcessCollector.MATCH);
  }

  @Override
  public boolean needsAddress() {
    return false;
  }

  @Override
  public void validate(TargetConfig target, String path, ConfigProblems problems) {
    String pid = target.options().get(ProcessCollector.PID);
    String match = target.options().get(ProcessCollector.MATCH);
    if ((pid == null) == (match == null)) {
      problems.add(target.line(), path, "exactly one of 'pid' or 'match' for a process target");
    }
    if (pid != null && !pid.strip().matches("[1-9][0-9]{0,9}")) {
      problems.add(
          target.options().line(ProcessCollector.PID, target.line()),
          path + ".pid",
          "a process id, found '" + pid + "'");
    }
    if (match != null) {
      try {
        Pattern.compile(match);
      } catch (PatternSyntaxException e) {
        problems.add(
            target.options().line(ProcessCollector.MATCH, target.line()),
            path + ".match",
            "a regular expression (" + e.getDescription() + "), found '" + match + "'");
      }
    }
    if (!target.address().isEmpty()) {
      problems.add(
          target.line(), path + ".address", "no address for a process target (use pid or match)");
    }
  }

  @Override
  public Collector create(TargetConfig target, CollectContext context) {
    return new ProcessCollector(target, context, proc);
  }
}
