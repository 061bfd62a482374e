package dev.leakhound.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Lab programs (go-shop, load) for tests: built from {@code lab/} with the Go toolchain when
 * missing or older than their sources, started as child processes on 127.0.0.1, and stopped by
 * {@link #close} (SIGTERM, then SIGKILL). Tests that need them are skipped with a message when Go
 * is not installed.
 *
 * <p>go-shop is built with {@code GOEXPERIMENT=goroutineleakprofile}, so it serves {@code
 * /debug/pprof/goroutineleak} as Go 1.26 can. Builds are serialised across JVMs with a file lock.
 * Instances are thread-safe.
 */
public final class LabProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on (127\\.0\\.0\\.1:\\d+)");

  private final Process process;
  private final String baseUrl;
  private final StringBuffer stderr;

  private LabProcess(Process process, String baseUrl, StringBuffer stderr) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.stderr = stderr;
  }

  /** The go-shop binary built with the goroutineleak profile (built now when stale). */
  public static Path goShop() {
    return build("go-shop", "go-shop-leakprofile", List.of("GOEXPERIMENT=goroutineleakprofile"));
  }

  /** The load generator binary (built now when stale). */
  public static Path load() {
    return build("load", "load", List.of());
  }

  /**
   * Starts go-shop with {@code scenarios} on a free port. {@code leakBytes} per request; {@code
   * memProfileRate} makes heap profiles dense enough for short runs.
   */
  public static LabProcess startGoShop(String scenarios, int leakBytes, int memProfileRate) {
    return start(
        List.of(
            goShop().toString(),
            "-port",
            "0",
            "-scenarios",
            scenarios,
            "-leak-bytes",
            Integer.toString(leakBytes),
            "-mem-profile-rate",
            Integer.toString(memProfileRate)));
  }

  /** Runs the load generator against {@code target} with {@code schedule}, in the background. */
  public static Process startLoad(String target, String schedule, Duration maxTime) {
    try {
      return new ProcessBuilder(
              load().toString(),
              "-target",
              target,
              "-schedule",
              schedule,
              "-max-time",
              maxTime.toSeconds() + "s")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts go-shop with {@code args} after the port (e.g. {@code -scenarios map-leak}) and {@code
   * env} added to the environment (e.g. {@code GOGC=25}).
   */
  public static LabProcess startGoShop(List<String> args, java.util.Map<String, String> env) {
    List<String> command = new ArrayList<>(List.of(goShop().toString(), "-port", "0"));
    command.addAll(args);
    return start(command, env);
  }

  /** Starts {@code command}, which prints "listening on 127.0.0.1:PORT" first, and waits for it. */
  public static LabProcess start(List<String> command) {
    return start(command, java.util.Map.of());
  }

  /** Same as {@link #start(List)} with {@code env} added to the environment. */
  public static LabProcess start(List<String> command, java.util.Map<String, String> env) {
    Process p;
    try {
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.environment().putAll(env);
      p = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CompletableFuture<String> address = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                  Matcher m = LISTENING.matcher(line);
                  if (m.find()) {
                    address.complete(m.group(1));
                  }
                }
              } catch (IOException e) {
                // the process ended
              }
              address.complete(null);
            });
    StringBuffer err = new StringBuffer();
    Thread.ofVirtual()
        .start(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  if (err.length() < 1 << 16) {
                    err.append(line).append('\n');
                  }
                }
              } catch (IOException e) {
                // the process ended
              }
            });
    String addr;
    try {
      addr = address.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      addr = null;
    }
    if (addr == null) {
      p.destroyForcibly();
      throw new IllegalStateException(
          command.get(0) + " did not say 'listening on 127.0.0.1:PORT'; stderr:\n" + err);
    }
    return new LabProcess(p, "http://" + addr, err);
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** What the process wrote to stderr so far (at most 64 KiB), for failure messages. */
  public String stderr() {
    return stderr.toString();
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, for restart tests. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    Processes.stop(process);
  }

  private static Path build(String pkg, String binary, List<String> env) {
    Path lab = RepoRoot.resolve("lab");
    Path out = lab.resolve("bin").resolve(binary);
    Assumptions.assumeTrue(goAvailable(), "Go is not installed: the lab cannot be built");
    try {
      Files.createDirectories(out.getParent());
      try (FileChannel ch =
              FileChannel.open(
                  lab.resolve("bin/.build.lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock lock = ch.lock()) {
        if (!lock.isValid()
            || Files.isExecutable(out) && !newerSources(lab, Files.getLastModifiedTime(out))) {
          return out;
        }
        List<String> cmd =
            new ArrayList<>(List.of("go", "build", "-o", out.toString(), "./" + pkg));
        ProcessBuilder pb =
            new ProcessBuilder(cmd).directory(lab.toFile()).redirectErrorStream(true);
        for (String kv : env) {
          int eq = kv.indexOf('=');
          pb.environment().put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
          throw new IllegalStateException("go build ./" + pkg + " failed:\n" + log);
        }
        return out;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean newerSources(Path lab, FileTime built) throws IOException {
    try (Stream<Path> files = Files.walk(lab)) {
      return files
          .filter(f -> f.toString().endsWith(".go") || f.getFileName().toString().equals("go.mod"))
          .filter(f -> !f.startsWith(lab.resolve("bin")))
          .anyMatch(
              f -> {
                try {
                  return Files.getLastModifiedTime(f).compareTo(built) > 0;
                } catch (IOException e) {
                  return true;
                }
              });
    }
  }

  private static boolean goAvailable() {
    try {
      Process p = new ProcessBuilder("go", "version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
