package dev.leakhound.cli;

import dev.leakhound.formats.progress.ProgressListener;
import java.io.PrintStream;

/**
 * Draws a one-line progress bar on standard error when it is a terminal, and nothing otherwise
 * (pipes and CI logs stay clean). Redraws at most ten times a second.
 *
 * <p>Not thread-safe: attach it to one worker.
 */
public final class TerminalProgress implements ProgressListener {
  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintStream err;
  private String lastStep = "";
  private long lastDraw;

  private TerminalProgress(PrintStream err) {
    this.err = err;
  }

  /** A bar on standard error when a terminal is attached, else {@link ProgressListener#NONE}. */
  public static ProgressListener forConsole() {
    return System.console() != null ? new TerminalProgress(System.err) : ProgressListener.NONE;
  }

  @Override
  public void onProgress(String step, long done, long total) {
    long now = System.nanoTime();
    boolean finished = total > 0 && done >= total;
    if (step.equals(lastStep) && !finished && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    if (!step.equals(lastStep) && !lastStep.isEmpty()) {
      err.print('\n');
    }
    lastStep = step;
    lastDraw = now;
    StringBuilder line = new StringBuilder("\r").append(step).append(' ');
    if (total > 0) {
      int filled = (int) Math.min(WIDTH, done * WIDTH / total);
      line.append('[').append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ");
      line.append(Math.min(100, done * 100 / total)).append('%');
    } else {
      line.append(done);
    }
    err.print(line);
    if (finished) {
      err.print('\n');
      lastStep = "";
    }
    err.flush();
  }
}
