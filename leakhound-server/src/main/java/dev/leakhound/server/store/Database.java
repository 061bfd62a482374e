package dev.leakhound.server.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The SQLite file and who may touch it. SQLite has one writer at a time, so all writes run on one
 * thread, in order, batched into a transaction per round (a round is every {@code flushMillis} or
 * sooner when a caller waits), each task inside its own savepoint so one failing task does not undo
 * the others. Reads run on any thread through a small pool of read-only connections; WAL lets them
 * proceed while the writer writes.
 *
 * <p>Durability: WAL with {@code synchronous=NORMAL} keeps every committed transaction across a
 * process crash ({@code kill -9}); what is lost is only what was still queued in memory.
 *
 * <p>Thread-safe.
 */
public final class Database implements AutoCloseable {
  /** Work for the writer thread, run inside the round's transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Turns the current row of a result set into a value. */
  @FunctionalInterface
  public interface Row<T> {
    T map(java.sql.ResultSet rs) throws SQLException;
  }

  /** Something to flush at the start of every round (the sample buffer). */
  @FunctionalInterface
  public interface RoundHook {
    void flush(Connection c) throws SQLException;
  }

  private static final int READERS = 4;

  private final Path file;
  private final long flushMillis;
  private final Connection writer;
  private final BlockingQueue<Connection> readers;
  private final BlockingQueue<Task<?>> tasks = new LinkedBlockingQueue<>();
  private final List<RoundHook> hooks = new ArrayList<>();
  private final Thread thread;
  private volatile boolean closed;
  private volatile Throwable writerFailure;

  private Database(Path file, long flushMillis) throws SQLException {
    this.file = file;
    this.flushMillis = flushMillis;
    this.writer = open(false);
    Migrations.migrate(writer, file.toString());
    writer.setAutoCommit(false);
    this.readers = new ArrayBlockingQueue<>(READERS);
    for (int i = 0; i < READERS; i++) {
      readers.add(open(true));
    }
    this.thread =
        Thread.ofPlatform().name("leakhound-store-writer").daemon(true).unstarted(this::loop);
  }

  /** Opens (creating when needed) {@code dir/leakhound.db}, migrating it to the latest schema. */
  public static Database open(Path dir, long flushMillis) throws SQLException {
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new SQLException("cannot create the data directory " + dir + ": " + e.getMessage(), e);
    }
    Database db = new Database(dir.resolve("leakhound.db"), flushMillis);
    db.thread.start();
    return db;
  }

  public Path file() {
    return file;
  }

  private Connection open(boolean readOnly) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 10000");
      if (!readOnly) {
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = NORMAL");
      } else {
        s.execute("PRAGMA query_only = true");
      }
    }
    return c;
  }

  /** Registers work done at the start of every write round. Call before writes begin. */
  public synchronized void addRoundHook(RoundHook hook) {
    hooks.add(hook);
  }

  /** Runs {@code work} on the writer thread and waits for its commit. */
  public <T> T write(Work<T> work) throws SQLException {
    Task<T> t = new Task<>(work, true);
    submit(t);
    try {
      return t.future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted waiting for the store", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException s) {
        throw s;
      }
      throw new SQLException(e.getCause());
    }
  }

  /** Queues {@code work} for the next round without waiting. */
  public void writeLater(Work<?> work) {
    try {
      submit(new Task<>(work, false));
    } catch (SQLException e) {
      // closed: nothing to do
    }
  }

  private void submit(Task<?> t) throws SQLException {
    if (closed) {
      throw new SQLException("the store is closed");
    }
    Throwable f = writerFailure;
    if (f != null) {
      throw new SQLException("the store's writer stopped: " + f.getMessage(), f);
    }
    tasks.add(t);
  }

  /** Runs {@code work} on a read connection (any thread). */
  public <T> T read(Work<T> work) throws SQLException {
    Connection c;
    try {
      c = readers.poll(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted waiting for a read connection", e);
    }
    if (c == null) {
      throw new SQLException("no read connection free for 30s");
    }
    try {
      return work.run(c);
    } finally {
      readers.add(c);
    }
  }

  /** Runs the query {@code sql} with {@code args} on a read connection and maps every row. */
  public <T> List<T> list(String sql, Row<T> row, Object... args) throws SQLException {
    return read(
        c -> {
          List<T> out = new ArrayList<>();
          try (java.sql.PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
              p.setObject(i + 1, args[i]);
            }
            try (java.sql.ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                out.add(row.map(rs));
              }
            }
          }
          return out;
        });
  }

  private void loop() {
    List<Task<?>> batch = new ArrayList<>();
    while (!closed || !tasks.isEmpty()) {
      try {
        Task<?> first = tasks.poll(flushMillis, TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
          // A waiting caller is served now; queued fire-and-forget work rides along.
          if (!first.waited) {
            Task<?> more;
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(flushMillis);
            while (System.nanoTime() < deadline
                && (more = tasks.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS))
                    != null) {
              batch.add(more);
              if (more.waited) {
                break;
              }
            }
          }
          tasks.drainTo(batch);
        }
        round(batch);
      } catch (InterruptedException e) {
        if (closed) {
          tasks.drainTo(batch);
          round(batch);
          return;
        }
      } catch (RuntimeException | Error e) {
        writerFailure = e;
        for (Task<?> t : batch) {
          t.future.completeExceptionally(e);
        }
        throw e;
      }
      batch.clear();
    }
  }

  private void round(List<Task<?>> batch) {
    try {
      synchronized (this) {
        for (RoundHook h : hooks) {
          h.flush(writer);
        }
      }
      for (Task<?> t : batch) {
        t.runIn(writer);
      }
      writer.commit();
      for (Task<?> t : batch) {
        t.complete();
      }
    } catch (SQLException e) {
      try {
        writer.rollback();
      } catch (SQLException ignored) {
        // the original failure is what matters
      }
      for (Task<?> t : batch) {
        t.future.completeExceptionally(e);
      }
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      writer.close();
    } catch (SQLException ignored) {
      // closing anyway
    }
    for (Connection c : readers) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
  }

  private static final class Task<T> {
    final Work<T> work;
    final boolean waited;
    final CompletableFuture<T> future = new CompletableFuture<>();
    private T result;
    private SQLException failure;

    Task(Work<T> work, boolean waited) {
      this.work = work;
      this.waited = waited;
    }

    void runIn(Connection c) throws SQLException {
      java.sql.Savepoint sp = c.setSavepoint();
      try {
        result = work.run(c);
        c.releaseSavepoint(sp);
      } catch (SQLException | RuntimeException e) {
        c.rollback(sp);
        failure = e instanceof SQLException s ? s : new SQLException(e);
      }
    }

    void complete() {
      if (failure != null) {
        future.completeExceptionally(failure);
      } else {
        future.complete(result);
      }
    }
  }
}
