package dev.leakhound.bench;

import dev.leakhound.formats.pprof.Function;
import dev.leakhound.formats.pprof.Label;
import dev.leakhound.formats.pprof.Line;
import dev.leakhound.formats.pprof.Location;
import dev.leakhound.formats.pprof.Mapping;
import dev.leakhound.formats.pprof.Profile;
import dev.leakhound.formats.pprof.ProfileBuilder;
import dev.leakhound.formats.pprof.ProfileProtoWriter;
import dev.leakhound.formats.pprof.ValueType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes two large, realistic Go heap profiles (gzipped profile.proto, the four heap sample types
 * and a {@code bytes} label per sample, as the Go runtime writes them) for the {@code pprof diff}
 * benchmark: thousands of functions in Go-like packages, call sites with inlined frames, stacks 8
 * to 64 frames deep grown along a random call graph (so prefixes are shared as in real programs),
 * one sample per distinct stack, and a chosen share of the stacks common to both profiles. The
 * current profile grows at a few allocation sites, as a leak would.
 *
 * <p>Usage: {@code HeapProfileGenerator OUTDIR [SAMPLES] [SHARED_FRACTION] [SEED]}; writes {@code
 * OUTDIR/base.pb.gz} and {@code OUTDIR/current.pb.gz}. Deterministic for a seed.
 */
public final class HeapProfileGenerator {
  private static final String[] PACKAGES = {
    "github.com/acme/shop/internal/cart",
    "github.com/acme/shop/internal/catalog",
    "github.com/acme/shop/internal/checkout",
    "github.com/acme/shop/internal/inventory",
    "github.com/acme/shop/internal/pricing",
    "github.com/acme/shop/internal/search",
    "github.com/acme/shop/internal/session",
    "github.com/acme/shop/internal/audit",
    "github.com/acme/shop/pkg/cache",
    "github.com/acme/shop/pkg/httpx",
    "github.com/acme/shop/pkg/db",
    "github.com/gin-gonic/gin",
    "github.com/gin-gonic/gin/render",
    "google.golang.org/grpc",
    "google.golang.org/protobuf/internal/impl",
    "github.com/jackc/pgx/v5/pgconn",
    "net/http",
    "net/textproto",
    "net",
    "bufio",
    "bytes",
    "strings",
    "strconv",
    "encoding/json",
    "encoding/base64",
    "compress/gzip",
    "compress/flate",
    "crypto/tls",
    "crypto/sha256",
    "database/sql",
    "context",
    "sync",
    "time",
    "sort",
    "fmt",
    "io",
    "os",
    "reflect",
    "regexp",
    "regexp/syntax",
    "text/template",
    "html/template",
    "math/big",
    "unicode/utf8",
    "github.com/prometheus/client_golang/prometheus",
    "go.uber.org/zap",
    "go.uber.org/zap/zapcore",
    "github.com/redis/go-redis/v9",
    "github.com/redis/go-redis/v9/internal/pool",
  };
  private static final String[] VERBS = {
    "Get",
    "Put",
    "Load",
    "Store",
    "Handle",
    "Serve",
    "Parse",
    "Encode",
    "Decode",
    "Write",
    "Read",
    "Marshal",
    "Unmarshal",
    "Build",
    "Render",
    "Lookup",
    "Insert",
    "Update",
    "Scan",
    "Query",
    "Exec",
    "Apply",
    "Merge",
    "Flush",
    "Grow",
    "Alloc",
    "Copy",
    "Append",
    "Format",
    "Resolve",
  };
  private static final String[] NOUNS = {
    "Item", "Cart", "Order", "Price", "Quote", "Session", "Token", "Row", "Batch", "Buffer",
    "Header", "Request", "Response", "Entry", "Index", "Node", "Record", "Event", "Span", "Field",
  };

  private final SplittableRandom random;
  private final int functionCount;
  private final List<Function> functions = new ArrayList<>();
  private final List<Location> locations = new ArrayList<>();
  private int[][] sitesOf; // function -> location indexes of its call sites
  private int[][] calleesOf; // function -> functions it calls

  private HeapProfileGenerator(long seed, int functionCount) {
    this.random = new SplittableRandom(seed);
    this.functionCount = functionCount;
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: HeapProfileGenerator OUTDIR [SAMPLES] [SHARED_FRACTION] [SEED]");
      System.exit(64);
    }
    Path dir = Path.of(args[0]);
    int samples = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    double shared = args.length > 2 ? Double.parseDouble(args[2]) : 0.2;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 20261121L;
    Files.createDirectories(dir);
    HeapProfileGenerator g = new HeapProfileGenerator(seed, 6000);
    g.buildProgram();
    int sharedCount = (int) (samples * shared);
    List<int[]> stacks = g.distinctStacks(2 * samples - sharedCount);
    List<int[]> base = stacks.subList(0, samples);
    List<int[]> current = stacks.subList(samples - sharedCount, 2 * samples - sharedCount);
    long now = 1_763_700_000_000_000_000L;
    write(dir.resolve("base.pb.gz"), g.profile(base, now, false, seed + 1));
    write(dir.resolve("current.pb.gz"), g.profile(current, now + 600_000_000_000L, true, seed + 2));
    System.out.printf(
        "wrote %s and %s: %d samples each, %d shared stacks, %d functions, %d locations%n",
        dir.resolve("base.pb.gz"),
        dir.resolve("current.pb.gz"),
        samples,
        sharedCount,
        g.functions.size(),
        g.locations.size());
  }

  private static void write(Path file, Profile p) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      ProfileProtoWriter.writeGzipped(p, out);
    }
  }

  /** Functions in Go-like packages, their call sites (some with inlined frames), a call graph. */
  private void buildProgram() {
    Set<String> names = new HashSet<>();
    while (functions.size() < functionCount) {
      String pkg = PACKAGES[random.nextInt(PACKAGES.length)];
      String noun = NOUNS[random.nextInt(NOUNS.length)];
      String verb = VERBS[random.nextInt(VERBS.length)];
      String name =
          switch (random.nextInt(4)) {
            case 0 -> pkg + "." + verb + noun;
            case 1 -> pkg + ".(*" + noun + ")." + verb;
            case 2 -> pkg + "." + noun + "." + verb;
            default ->
                pkg + ".(*" + noun + "Store)." + verb + noun + ".func" + (1 + random.nextInt(4));
          };
      if (!names.add(name)) {
        continue;
      }
      int id = functions.size() + 1;
      String file = "/src/" + pkg + "/" + noun.toLowerCase() + ".go";
      functions.add(new Function(id, name, name, file, 10 + random.nextInt(900)));
    }
    sitesOf = new int[functionCount][];
    long address = 0x401000;
    for (int f = 0; f < functionCount; f++) {
      int sites = 1 + random.nextInt(5);
      sitesOf[f] = new int[sites];
      for (int s = 0; s < sites; s++) {
        List<Line> lines = new ArrayList<>();
        if (random.nextInt(10) == 0) {
          // An inlined callee: innermost line first.
          int inlined = random.nextInt(functionCount);
          lines.add(new Line(inlined + 1, functions.get(inlined).startLine() + 3, 0));
        }
        lines.add(new Line(f + 1, functions.get(f).startLine() + 1 + random.nextInt(80), 0));
        address += 16 + random.nextInt(400);
        sitesOf[f][s] = locations.size();
        locations.add(new Location(locations.size() + 1, 1, address, lines, false));
      }
    }
    calleesOf = new int[functionCount][];
    for (int f = 0; f < functionCount; f++) {
      int[] callees = new int[3 + random.nextInt(12)];
      for (int c = 0; c < callees.length; c++) {
        callees[c] = random.nextInt(functionCount);
      }
      calleesOf[f] = callees;
    }
  }

  /** Distinct stacks (leaf first) walked from a few entry points along the call graph. */
  private List<int[]> distinctStacks(int count) {
    int[] roots = new int[12];
    for (int i = 0; i < roots.length; i++) {
      roots[i] = random.nextInt(functionCount);
    }
    Set<StackKey> seen = new HashSet<>(count * 2);
    List<int[]> out = new ArrayList<>(count);
    while (out.size() < count) {
      int depth = 8 + (int) Math.min(56, Math.abs(random.nextGaussian() * 14) + random.nextInt(10));
      int[] rootToLeaf = new int[depth];
      int f = roots[random.nextInt(roots.length)];
      for (int d = 0; d < depth; d++) {
        int[] sites = sitesOf[f];
        rootToLeaf[d] = sites[random.nextInt(sites.length)];
        int[] callees = calleesOf[f];
        // Mostly follow the hot first callees: real programs share most of their prefixes.
        f = callees[random.nextInt(4) == 0 ? random.nextInt(callees.length) : random.nextInt(2)];
      }
      int[] leafFirst = new int[depth];
      for (int d = 0; d < depth; d++) {
        leafFirst[d] = rootToLeaf[depth - 1 - d];
      }
      if (seen.add(new StackKey(leafFirst))) {
        out.add(leafFirst);
      }
    }
    return out;
  }

  private Profile profile(List<int[]> stacks, long timeNanos, boolean leaking, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    ProfileBuilder b =
        Profile.builder()
            .addSampleType(new ValueType("alloc_objects", "count"))
            .addSampleType(new ValueType("alloc_space", "bytes"))
            .addSampleType(new ValueType("inuse_objects", "count"))
            .addSampleType(new ValueType("inuse_space", "bytes"))
            .periodType(new ValueType("space", "bytes"))
            .period(524288)
            .timeNanos(timeNanos);
    b.addMapping(
        new Mapping(
            1,
            0x400000,
            0x4000000,
            0,
            "/usr/local/bin/shop",
            "7f3a9c0e5d2b",
            true,
            true,
            true,
            true));
    b.addMapping(
        new Mapping(
            2, 0x7ffd8a1f0000L, 0x7ffd8a1f2000L, 0, "[vdso]", "", false, false, false, false));
    functions.forEach(b::addFunction);
    locations.forEach(b::addLocation);
    long[] values = new long[4];
    for (int[] stack : stacks) {
      long size = 8L << r.nextInt(12);
      long allocObjects = 1 + r.nextInt(2000);
      long inuseObjects = r.nextInt(4) == 0 ? 0 : r.nextLong(allocObjects + 1);
      // The leak: stacks through a few hot call sites hold far more in the current profile.
      if (leaking && stack[stack.length / 2] % 97 == 0) {
        inuseObjects = allocObjects * 5;
        allocObjects *= 5;
      }
      values[0] = allocObjects;
      values[1] = allocObjects * size;
      values[2] = inuseObjects;
      values[3] = inuseObjects * size;
      b.addSampleByIndex(stack, stack.length, values, List.of(Label.ofNumber("bytes", size, "")));
    }
    return b.build();
  }

  private record StackKey(int[] frames) {
    @Override
    public boolean equals(Object o) {
      return o instanceof StackKey k && Arrays.equals(frames, k.frames);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(frames);
    }

    @Override
    public String toString() {
      return Arrays.toString(frames);
    }
  }
}
