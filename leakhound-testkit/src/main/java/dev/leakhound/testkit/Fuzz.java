package dev.leakhound.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded mutational fuzzer for readers, run as an ordinary JUnit test: it mutates real inputs
 * (bit flips, interesting bytes, truncation, splices, huge lengths and numbers) and feeds each
 * mutant to the reader, which may only succeed or fail with the exception type the reader
 * documents. Anything else (a runtime exception, an {@link OutOfMemoryError}, a StackOverflowError)
 * fails the test, and the mutant is saved under {@code target/fuzz-failures} so it can be replayed.
 *
 * <p>Deterministic for a given {@code -Dfuzz.seed}; {@code -Dfuzz.iterations=N} runs longer
 * campaigns than the default used in the build. Not thread-safe; create one run per test.
 */
public final class Fuzz {
  /** What the fuzzer feeds: the code under test, reading one input. */
  @FunctionalInterface
  public interface Target {
    void accept(byte[] input) throws Exception;
  }

  private static final long DEFAULT_SEED = 20261121L;
  private static final int DEFAULT_ITERATIONS = 3000;

  private final String name;
  private final List<byte[]> seeds;
  private final Class<? extends Exception> allowed;
  private int iterations = Integer.getInteger("fuzz.iterations", DEFAULT_ITERATIONS);
  private long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
  private Duration budget = Duration.ofSeconds(Long.getLong("fuzz.seconds", 60));

  private Fuzz(String name, List<byte[]> seeds, Class<? extends Exception> allowed) {
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("a fuzz run needs at least one seed input");
    }
    this.name = name;
    this.seeds = List.copyOf(seeds);
    this.allowed = allowed;
  }

  /**
   * A fuzz run named {@code name} (used for saved failures) over {@code seeds}, where the reader
   * may fail only with {@code allowed} (and its subclasses).
   */
  public static Fuzz of(String name, List<byte[]> seeds, Class<? extends Exception> allowed) {
    return new Fuzz(name, seeds, allowed);
  }

  public Fuzz iterations(int count) {
    this.iterations = Integer.getInteger("fuzz.iterations", count);
    return this;
  }

  /** Stops early (successfully) once this much time has passed: keeps the build bounded. */
  public Fuzz budget(Duration duration) {
    this.budget = duration;
    return this;
  }

  /** Runs the campaign; throws {@link AssertionError} on the first disallowed failure. */
  public void run(Target target) {
    SplittableRandom random = new SplittableRandom(seed);
    long deadline = System.nanoTime() + budget.toNanos();
    for (byte[] s : seeds) {
      feed(target, s, -1);
    }
    for (int i = 0; i < iterations && System.nanoTime() < deadline; i++) {
      byte[] base = seeds.get(random.nextInt(seeds.size()));
      byte[] other = seeds.get(random.nextInt(seeds.size()));
      byte[] mutant = Mutations.mutate(base, other, random, 1 + random.nextInt(4));
      feed(target, mutant, i);
    }
  }

  private void feed(Target target, byte[] input, int iteration) {
    try {
      target.accept(input);
    } catch (Exception e) {
      if (!allowed.isInstance(e)) {
        throw failure(input, iteration, e);
      }
    } catch (OutOfMemoryError | StackOverflowError e) {
      throw failure(input, iteration, e);
    }
  }

  private AssertionError failure(byte[] input, int iteration, Throwable cause) {
    Path saved = save(input, iteration);
    return new AssertionError(
        "fuzz target "
            + name
            + " failed with "
            + cause
            + " instead of "
            + allowed.getSimpleName()
            + " (iteration "
            + iteration
            + ", seed "
            + seed
            + "); the input is saved at "
            + saved,
        cause);
  }

  private Path save(byte[] input, int iteration) {
    try {
      Path dir = Path.of("target", "fuzz-failures");
      Files.createDirectories(dir);
      return Files.write(dir.resolve(name + "-" + seed + "-" + iteration + ".bin"), input)
          .toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
