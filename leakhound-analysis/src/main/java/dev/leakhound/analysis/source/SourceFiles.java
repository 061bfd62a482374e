package dev.leakhound.analysis.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link SourceLines} from Go files on disk. A dump names files by the path they had where the
 * program was built ({@code /build/app/shop/cart.go}); each source root is tried with every suffix
 * of that path ({@code shop/cart.go}, {@code cart.go}, ...), then the path itself. Files over 4 MiB
 * and files that cannot be read count as absent.
 *
 * <p>Thread-safe; caches each file it reads (a dump names a few dozen).
 */
public final class SourceFiles implements SourceLines {
  private static final long MAX_FILE_BYTES = 4L << 20;
  private static final List<String> ABSENT = List.of();

  private final List<Path> roots;
  private final boolean pathsAsPrinted;
  private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

  private SourceFiles(List<Path> roots, boolean pathsAsPrinted) {
    this.roots = List.copyOf(roots);
    this.pathsAsPrinted = pathsAsPrinted;
  }

  /** Looks under {@code roots} first, then at the paths as the dump prints them. */
  public static SourceFiles under(List<Path> roots) {
    return new SourceFiles(roots, true);
  }

  /** Looks only under {@code roots} (reproducible wherever the dump was made). */
  public static SourceFiles onlyUnder(List<Path> roots) {
    return new SourceFiles(roots, false);
  }

  @Override
  public String line(String file, int line) {
    if (line < 1 || !file.endsWith(".go")) {
      return null;
    }
    List<String> lines = cache.computeIfAbsent(file, this::load);
    return line <= lines.size() ? lines.get(line - 1) : null;
  }

  private List<String> load(String file) {
    for (Path candidate : candidates(file)) {
      try {
        if (Files.isRegularFile(candidate) && Files.size(candidate) <= MAX_FILE_BYTES) {
          return List.copyOf(Files.readAllLines(candidate, StandardCharsets.UTF_8));
        }
      } catch (IOException | RuntimeException e) {
        // Unreadable or not UTF-8: treat the source as absent, the dump still stands.
      }
    }
    return ABSENT;
  }

  private List<Path> candidates(String file) {
    List<Path> out = new ArrayList<>();
    String normalized = file.replace('\\', '/');
    String[] parts = normalized.split("/");
    for (Path root : roots) {
      for (int from = 0; from < parts.length; from++) {
        String suffix = String.join("/", java.util.Arrays.copyOfRange(parts, from, parts.length));
        if (!suffix.isEmpty()) {
          try {
            out.add(root.resolve(suffix));
          } catch (InvalidPathException e) {
            // A name this file system cannot hold: not a candidate.
          }
        }
      }
    }
    if (pathsAsPrinted) {
      try {
        out.add(Path.of(file));
      } catch (InvalidPathException e) {
        // Same as above.
      }
    }
    return out;
  }
}
