package dev.leakhound.server.collect;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs every target's scrapes on its own fixed-rate grid: one timer thread only fires, each scrape
 * runs on its own virtual thread, so a target that hangs until its timeout delays nobody else. Each
 * target's grid is offset by a stable fraction of its interval derived from its name (the jitter
 * Prometheus uses), so a thousand targets with the same interval spread over it instead of firing
 * together.
 *
 * <p>A scrape never overlaps the previous one of the same target: the next slot is planned when a
 * scrape ends; slots that passed meanwhile are counted as missed. After a failure the next slot is
 * pushed back exponentially (2, 4, 8... intervals, at most {@link #MAX_BACKOFF}) so a down target
 * is not hammered; the first success restores the normal rate.
 *
 * <p>Thread-safe. Costs one platform thread plus one virtual thread per running scrape.
 */
public final class ScrapeScheduler implements AutoCloseable {
  /** The longest pause between attempts at a failing target. */
  public static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  /** One target's repeated work: returns true on success. */
  @FunctionalInterface
  public interface Job {
    boolean run() throws InterruptedException;
  }

  private final ScheduledExecutorService timer;
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Entry> entries = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  public ScrapeScheduler() {
    ScheduledThreadPoolExecutor t =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread th = new Thread(r, "leakhound-scheduler");
              th.setDaemon(true);
              return th;
            });
    t.setRemoveOnCancelPolicy(true);
    this.timer = t;
  }

  /** Starts running {@code job} every {@code interval}; {@code key} fixes its offset. */
  public Entry schedule(String key, Duration interval, Job job) {
    Entry e = new Entry(key, interval.toNanos(), job);
    entries.add(e);
    long offset = Math.floorMod(stableHash(key), e.intervalNanos);
    e.nextDue = System.nanoTime() + offset;
    timer.schedule(() -> fire(e), offset, TimeUnit.NANOSECONDS);
    return e;
  }

  /** Runs {@code job} as soon as possible, once, beside the regular schedule (tests, check). */
  public void runSoon(Runnable task) {
    if (!closed) {
      workers.submit(task);
    }
  }

  private void fire(Entry e) {
    if (closed || e.cancelled) {
      return;
    }
    workers.submit(() -> runOnce(e));
  }

  private void runOnce(Entry e) {
    boolean ok = false;
    try {
      e.started.incrementAndGet();
      ok = e.job.run();
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      return;
    } catch (RuntimeException re) {
      ok = false;
    } finally {
      e.failures = ok ? 0 : e.failures + 1;
    }
    planNext(e);
  }

  private void planNext(Entry e) {
    if (closed || e.cancelled) {
      return;
    }
    long now = System.nanoTime();
    long step = stepNanos(e.intervalNanos, e.failures);
    long next = e.nextDue + step;
    if (next <= now) {
      // Slots passed while the scrape ran: count them and land on the next grid slot.
      long behind = (now - next) / e.intervalNanos + 1;
      if (e.failures == 0) {
        e.missed.addAndGet(behind);
      }
      next += behind * e.intervalNanos;
    }
    e.nextDue = next;
    timer.schedule(() -> fire(e), next - now, TimeUnit.NANOSECONDS);
  }

  /**
   * The pause before the next attempt after {@code failures} failures in a row: the interval, then
   * 2, 4, 8... intervals, never more than {@link #MAX_BACKOFF} (nor less than the interval).
   */
  static long stepNanos(long intervalNanos, int failures) {
    if (failures <= 0) {
      return intervalNanos;
    }
    long factor = 1L << Math.min(failures, 16);
    return Math.min(intervalNanos * factor, Math.max(intervalNanos, MAX_BACKOFF.toNanos()));
  }

  /** Every scheduled entry. */
  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int stableHash(String key) {
    // FNV-1a: stable across runs and JVMs, unlike String.hashCode's spread for similar names.
    int h = 0x811c9dc5;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x01000193;
    }
    return h;
  }

  /** One scheduled job and its counters. Thread-safe. */
  public static final class Entry {
    private final String key;
    private final long intervalNanos;
    private final Job job;
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong missed = new AtomicLong();
    private volatile long nextDue;
    private volatile int failures;
    private volatile boolean cancelled;

    Entry(String key, long intervalNanos, Job job) {
      this.key = key;
      this.intervalNanos = intervalNanos;
      this.job = job;
    }

    public String key() {
      return key;
    }

    /** Runs started so far. */
    public long started() {
      return started.get();
    }

    /** Slots that passed without a run because the previous run was still going. */
    public long missed() {
      return missed.get();
    }

    /** Consecutive failures (the backoff exponent). */
    public int failures() {
      return failures;
    }

    public void cancel() {
      cancelled = true;
    }
  }
}
