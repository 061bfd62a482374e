package dev.leakhound.cli.dashboard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lab service (or the load generator, or {@code leakhound serve}) started as a child process, its
 * output going to a log file; {@link #startService} waits for the {@code listening on
 * 127.0.0.1:PORT} line the lab's services print. Closing stops it (SIGTERM, then SIGKILL).
 *
 * <p>Not thread-safe.
 */
final class LabProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on (127\\.0\\.0\\.1:\\d+)");

  private final Process process;
  private final String address;
  final Path log;

  private LabProcess(Process process, String address, Path log) {
    this.process = process;
    this.address = address;
    this.log = log;
  }

  /** Starts {@code command} with its output in {@code log}. */
  static LabProcess start(List<String> command, Path log) throws IOException {
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new LabProcess(p, null, log);
  }

  /** Starts a lab service and waits (up to 60 s) for its {@code listening on} line. */
  static LabProcess startService(List<String> command, Path log) throws Exception {
    Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                String line = r.readLine();
                // Keep draining so the service never blocks on a full pipe.
                Thread.ofVirtual().start(() -> drain(r));
                return line;
              } catch (IOException e) {
                return null;
              }
            });
    String line;
    try {
      line = first.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      p.destroyForcibly();
      throw new IllegalStateException(command.get(0) + " did not say where it listens", e);
    }
    Matcher m = line == null ? null : LISTENING.matcher(line);
    if (m == null || !m.find()) {
      p.destroyForcibly();
      throw new IllegalStateException(command.get(0) + " printed " + line + ", see " + log);
    }
    return new LabProcess(p, "http://" + m.group(1), log);
  }

  private static void drain(BufferedReader r) {
    try {
      while (r.readLine() != null) {
        // discard
      }
    } catch (IOException ignored) {
      // the process ended
    }
  }

  String address() {
    return address;
  }

  Process process() {
    return process;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
