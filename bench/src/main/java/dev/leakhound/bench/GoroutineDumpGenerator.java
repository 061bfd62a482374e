package dev.leakhound.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a large goroutine dump in the {@code debug=2} form ({@code runtime.Stack(buf, true)}) for
 * the whole-process benchmark of {@code leakhound goroutines}: a realistic mix of a few hundred
 * distinct stacks (HTTP servers in IO wait, workers on channels and selects, mutex waiters,
 * sleepers, a few leaking groups that hold most goroutines), with per-goroutine arguments, wait
 * times, {@code created by ... in goroutine N} lines and the occasional {@code locked to thread}.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.leakhound.bench.GoroutineDumpGenerator OUT [N] [SEED]
 * </pre>
 *
 * Deterministic for a given seed. Single-threaded; streams to the file.
 */
public final class GoroutineDumpGenerator {
  private static final String[] PACKAGES = {
    "example.com/shop/cart", "example.com/shop/orders", "example.com/shop/payments",
    "example.com/shop/inventory", "github.com/acme/queue", "github.com/acme/cache",
    "example.com/shop/internal/audit", "example.com/shop/reports"
  };
  private static final String[] VERBS = {
    "process", "await", "consume", "publish", "refresh", "ship", "watch", "serve", "flush", "poll"
  };
  private static final String[] TYPES = {"Worker", "Client", "Store", "Broker", "Pool", "Watcher"};

  /** How a template blocks: its state and the runtime frames on top. */
  private record Block(String state, String[] runtimeFrames) {}

  private static final Block[] BLOCKS = {
    new Block(
        "chan receive",
        new String[] {
          "runtime.gopark(0x0?, 0x0?, 0x0?, 0x0?, 0x0?)\n\t/usr/local/go/src/runtime/proc.go:460 +0xce",
          "runtime.chanrecv(0xc000%06x, 0x0, 0x1)\n\t/usr/local/go/src/runtime/chan.go:667 +0x445",
          "runtime.chanrecv1(0xc000%06x?, 0x0?)\n\t/usr/local/go/src/runtime/chan.go:509 +0x12"
        }),
    new Block(
        "chan send",
        new String[] {
          "runtime.gopark(0x0?, 0x0?, 0x0?, 0x0?, 0x0?)\n\t/usr/local/go/src/runtime/proc.go:460 +0xce",
          "runtime.chansend(0xc000%06x, 0xc000%06x, 0x1, 0x0?)\n\t/usr/local/go/src/runtime/chan.go:283 +0x3c5",
          "runtime.chansend1(0xc000%06x?, 0x0?)\n\t/usr/local/go/src/runtime/chan.go:161 +0x17"
        }),
    new Block(
        "select",
        new String[] {
          "runtime.gopark(0x0?, 0x0?, 0x0?, 0x0?, 0x0?)\n\t/usr/local/go/src/runtime/proc.go:460 +0xce",
          "runtime.selectgo(0xc000%06x, 0xc000%06x, 0x0?, 0x0, 0x0?, 0x1)\n\t/usr/local/go/src/runtime/select.go:351 +0x837"
        }),
    new Block(
        "IO wait",
        new String[] {
          "internal/poll.runtime_pollWait(0x7f%08x, 0x72)\n\t/usr/local/go/src/runtime/netpoll.go:351 +0x85",
          "internal/poll.(*pollDesc).wait(0xc000%06x?, 0xc000%06x?, 0x0)\n\t/usr/local/go/src/internal/poll/fd_poll_runtime.go:84 +0x27",
          "internal/poll.(*pollDesc).waitRead(...)\n\t/usr/local/go/src/internal/poll/fd_poll_runtime.go:89",
          "internal/poll.(*FD).Read(0xc000%06x, {0xc000%06x, 0x1000, 0x1000})\n\t/usr/local/go/src/internal/poll/fd_unix.go:165 +0x27a",
          "net.(*netFD).Read(0xc000%06x, {0xc000%06x?, 0x0?, 0x0?})\n\t/usr/local/go/src/net/fd_posix.go:68 +0x25",
          "net.(*conn).Read(0xc000%06x, {0xc000%06x?, 0x0?, 0x0?})\n\t/usr/local/go/src/net/net.go:196 +0x45",
          "net/http.(*connReader).Read(0xc000%06x, {0xc000%06x, 0x1000, 0x1000})\n\t/usr/local/go/src/net/http/server.go:807 +0x14b",
          "bufio.(*Reader).fill(0xc000%06x)\n\t/usr/local/go/src/bufio/bufio.go:113 +0x103"
        }),
    new Block(
        "sync.Mutex.Lock",
        new String[] {
          "internal/sync.runtime_SemacquireMutex(0xc000%06x?, 0x0?, 0x1?)\n\t/usr/local/go/src/runtime/sema.go:95 +0x25",
          "internal/sync.(*Mutex).lockSlow(0xc000%06x)\n\t/usr/local/go/src/internal/sync/mutex.go:149 +0x15d",
          "internal/sync.(*Mutex).Lock(...)\n\t/usr/local/go/src/internal/sync/mutex.go:70",
          "sync.(*Mutex).Lock(...)\n\t/usr/local/go/src/sync/mutex.go:46"
        }),
    new Block(
        "sleep",
        new String[] {"time.Sleep(0x3b9aca00)\n\t/usr/local/go/src/runtime/time.go:363 +0x165"}),
  };

  private record Template(int block, List<String> userFrames, String creator, int weight) {}

  private GoroutineDumpGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: GoroutineDumpGenerator OUT [GOROUTINES] [SEED]");
      System.exit(64);
    }
    Path out = Path.of(args[0]);
    int goroutines = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    long bytes = write(out, goroutines, seed);
    System.out.printf("wrote %d goroutines, %d bytes, to %s%n", goroutines, bytes, out);
  }

  /** Writes the dump and returns its size in bytes. */
  public static long write(Path out, int goroutines, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    List<Template> templates = templates(random, 300);
    long totalWeight = 0;
    for (Template t : templates) {
      totalWeight += t.weight();
    }
    long[] cumulative = new long[templates.size()];
    long sum = 0;
    for (int i = 0; i < templates.size(); i++) {
      sum += templates.get(i).weight();
      cumulative[i] = sum;
    }
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
      StringBuilder sb = new StringBuilder(4096);
      for (int g = 0; g < goroutines; g++) {
        long pick = random.nextLong(totalWeight);
        int t = 0;
        while (cumulative[t] <= pick) {
          t++;
        }
        sb.setLength(0);
        goroutine(sb, g + 1, templates.get(t), random);
        os.write(sb.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
    return Files.size(out);
  }

  private static void goroutine(StringBuilder sb, int id, Template t, SplittableRandom random) {
    Block block = BLOCKS[t.block()];
    sb.append("goroutine ").append(id).append(" [").append(block.state());
    int wait = random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(240);
    if (wait > 0) {
      sb.append(", ").append(wait).append(" minutes");
    }
    if (random.nextInt(1000) == 0) {
      sb.append(", locked to thread");
    }
    sb.append("]:\n");
    for (String frame : block.runtimeFrames()) {
      appendWithPointers(sb, frame, random);
      sb.append('\n');
    }
    for (String frame : t.userFrames()) {
      appendWithPointers(sb, frame, random);
      sb.append('\n');
    }
    sb.append("created by ")
        .append(t.creator())
        .append(" in goroutine ")
        .append(1 + random.nextInt(5000))
        .append('\n');
    sb.append("\t/src/shop/main.go:")
        .append(40 + (t.creator().length() % 50))
        .append(" +0x1d6\n\n");
  }

  private static void appendWithPointers(StringBuilder sb, String frame, SplittableRandom random) {
    int from = 0;
    for (int at = frame.indexOf('%'); at >= 0; at = frame.indexOf('%', from)) {
      sb.append(frame, from, at);
      int width = frame.charAt(at + 2) - '0';
      String hex = Integer.toHexString(random.nextInt(1 << (4 * Math.min(width, 7))));
      sb.append("0".repeat(Math.max(0, width - hex.length()))).append(hex);
      from = at + 4;
    }
    sb.append(frame, from, frame.length());
  }

  private static List<Template> templates(SplittableRandom random, int count) {
    List<Template> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int block = random.nextInt(BLOCKS.length);
      int depth = 1 + random.nextInt(4);
      List<String> frames = new ArrayList<>();
      for (int d = 0; d < depth; d++) {
        String pkg = PACKAGES[random.nextInt(PACKAGES.length)];
        String fn =
            random.nextBoolean()
                ? pkg
                    + ".(*"
                    + TYPES[random.nextInt(TYPES.length)]
                    + ")."
                    + VERBS[random.nextInt(VERBS.length)]
                : pkg
                    + "."
                    + VERBS[random.nextInt(VERBS.length)]
                    + (random.nextInt(4) == 0 ? ".func1" : "");
        String file =
            "/src/shop/"
                + pkg.substring(pkg.lastIndexOf('/') + 1)
                + "/"
                + VERBS[d % VERBS.length]
                + ".go";
        int line = 10 + random.nextInt(400);
        frames.add(
            fn
                + "(0xc000%06x, {0x%06x, 0x10})\n\t"
                + file
                + ":"
                + line
                + " +0x"
                + Integer.toHexString(16 + random.nextInt(2000)));
      }
      if (block == 3) {
        frames.add(
            0,
            "net/http.(*conn).serve(0xc000%06x, {0x%06x, 0xc000%06x})\n\t/usr/local/go/src/net/http/server.go:2102 +0x625");
        java.util.Collections.reverse(frames);
      }
      String creator = PACKAGES[random.nextInt(PACKAGES.length)] + ".Start" + (i % 17);
      // A few leaking groups hold most goroutines (Zipf-like weights).
      int weight = 1 + (int) (100_000.0 / Math.pow(i + 1, 1.3));
      out.add(new Template(block, frames, creator, weight));
    }
    return out;
  }
}
