package dev.leakhound.formats.goroutine;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.formats.io.Inputs;
import dev.leakhound.formats.io.LineScanner;
import dev.leakhound.formats.pprof.PprofReader;
import dev.leakhound.formats.progress.CancelSignal;
import dev.leakhound.formats.progress.ProgressListener;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads goroutine dumps in all their forms: the protobuf profile (told by its binary first bytes)
 * and the text forms, told apart by their first line:
 *
 * <ul>
 *   <li>{@code goroutine profile: total N} or {@code goroutineleak profile: total N}: a count
 *       profile ({@code ?debug=1}): {@code N @ 0x.. 0x..} records with {@code #\t0x..\tfunc+0x..
 *       \tfile:line} frames and optional {@code # labels: {...}} lines.
 *   <li>anything else: a full dump ({@code ?debug=2}, {@code runtime.Stack(buf, true)}, a crash):
 *       {@code goroutine N [state, M minutes, locked to thread]:} blocks with every header form the
 *       runtime prints ({@code (scan)}, {@code (leaked)}, {@code gp=.. m=..}, {@code labels:{..}}),
 *       {@code created by F} (before Go 1.21) and {@code created by F in goroutine N} (after),
 *       {@code ...N frames elided...}, {@code [originating from goroutine N]:} sections
 *       (GODEBUG=tracebackancestors), {@code fp= sp= pc=} on crash frames and cgo frames. Text
 *       before the first block (a panic message) and between blocks (an exit status) is skipped and
 *       counted; inside a block every line must have its expected shape.
 * </ul>
 *
 * <p>A full dump that ends inside a block (the runtime cuts {@code debug=2} output at 64 MiB) is
 * read up to the last complete goroutine and marked {@link GoroutineDump#truncated()}. Binary input
 * is the protobuf goroutine or goroutineleak profile: decoded by {@link PprofReader} and converted
 * by {@link GoroutineProfileConverter}.
 *
 * <p>Streams the input through one buffer and interns names, frames and stacks to ints on the fly:
 * a 1,000,000-goroutine dump of a few hundred MB is read in one pass holding only the distinct
 * names and a few ints per goroutine. Single-threaded; one reader may be reused for several reads,
 * one at a time. Fails only with {@link InputFormatException} on bad data.
 */
public final class GoroutineDumpReader {
  /** The deepest stack accepted; Go prints at most about a hundred frames. */
  static final int MAX_FRAMES = 100_000;

  private static final int BINARY_PROBE = 64;

  private final ProgressListener progress;
  private final CancelSignal cancel;

  public GoroutineDumpReader() {
    this(ProgressListener.NONE, CancelSignal.NEVER);
  }

  public GoroutineDumpReader(ProgressListener progress, CancelSignal cancel) {
    this.progress = progress;
    this.cancel = cancel;
  }

  /** Reads a file, or standard input for {@code -}; gzip is detected by its magic bytes. */
  public GoroutineDump read(String pathOrDash) throws IOException {
    long size = -1;
    if (!Inputs.STDIN.equals(pathOrDash)) {
      Path path = Path.of(pathOrDash);
      size = Files.size(path);
      try (InputStream raw = Files.newInputStream(path)) {
        byte[] head = raw.readNBytes(2);
        if (Inputs.isGzip(head)) {
          size = -1;
        }
      }
    }
    try (InputStream in = Inputs.open(pathOrDash)) {
      return read(Inputs.displayName(pathOrDash), in, size);
    }
  }

  /** Reads a dump from {@code in} (already decompressed); {@code source} names it in messages. */
  public GoroutineDump read(String source, InputStream in) throws IOException {
    return read(source, in, -1);
  }

  private GoroutineDump read(String source, InputStream raw, long sizeHint) throws IOException {
    InputStream in = raw.markSupported() ? raw : new BufferedInputStream(raw, 1 << 16);
    in.mark(BINARY_PROBE);
    byte[] head = in.readNBytes(BINARY_PROBE);
    in.reset();
    if (looksBinary(head)) {
      // The protobuf form: decoded whole by the pprof reader (it is small, one sample per stack).
      byte[] data = Inputs.readAll(source, in, PprofReader.DEFAULT_MAX_BYTES);
      progress.onProgress("reading goroutine profile", data.length, data.length);
      return GoroutineProfileConverter.convert(source, PprofReader.parse(source, data));
    }
    LineScanner lines = new LineScanner(source, in);
    if (!lines.next()) {
      throw InputFormatException.atLine(
          source, 1, "a goroutine dump (debug=1 or debug=2 text), not an empty input");
    }
    while (lines.isBlank()) {
      if (!lines.next()) {
        throw InputFormatException.atLine(
            source, lines.lineNumber(), "a goroutine dump, not only blank lines");
      }
    }
    if (lines.endsWith(" profile: total") || indexOf(lines, " profile: total ") > 0) {
      return new CountProfileParser(source, lines, sizeHint, progress, cancel).parse();
    }
    return new FullDumpParser(source, lines, sizeHint, progress, cancel).parse();
  }

  /** Text dumps hold no control characters but tab and line ends; protobuf starts with some. */
  static boolean looksBinary(byte[] head) {
    for (byte value : head) {
      int c = value & 0xff;
      if (c < 0x09 || (c > 0x0d && c < 0x20) || c == 0x7f) {
        return true;
      }
    }
    return false;
  }

  private static int indexOf(LineScanner lines, String needle) {
    for (int i = lines.start(); i + needle.length() <= lines.end(); i++) {
      if (lines.startsWith(i, needle)) {
        return i - lines.start();
      }
    }
    return -1;
  }

  /** Parses an unsigned decimal in {@code b[from, to)}; -1 when it is not one or overflows. */
  static long parseDecimal(byte[] b, int from, int to) {
    if (from >= to || to - from > 18) {
      return -1;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /**
   * Where the {@code file:line} position ends on a frame's tab line ({@code /x/y.go:12 +0x1d fp=..
   * sp=.. pc=..}), or -1 when the line has none. What may follow the position ({@code +0x..},
   * {@code fp=}, {@code sp=}, {@code pc=}) holds no colon, so the last colon is the line number's:
   * found from the end, which is short, instead of from the start (a long path).
   */
  static int positionEnd(byte[] b, int from, int to) {
    int colon = to - 1;
    while (colon > from && b[colon] != ':') {
      colon--;
    }
    if (colon <= from) {
      return -1;
    }
    int end = colon + 1;
    while (end < to && b[end] >= '0' && b[end] <= '9') {
      end++;
    }
    if (end == colon + 1 || end - colon > 10 || (end < to && b[end] != ' ')) {
      return -1;
    }
    return end;
  }

  /** True when {@code b[from, to)} ends with {@code :digits}. */
  static boolean hasLineNumber(byte[] b, int from, int to) {
    return to > from && positionEnd(b, from, to) == to;
  }

  /** The state a count profile's stack implies, from its top frame; null when it says nothing. */
  static String inferState(String topFunction) {
    return switch (topFunction) {
      case "sync.(*Mutex).Lock",
          "sync.(*Mutex).lockSlow",
          "internal/sync.(*Mutex).Lock",
          "internal/sync.(*Mutex).lockSlow" ->
          "sync.Mutex.Lock";
      case "sync.(*RWMutex).Lock" -> "sync.RWMutex.Lock";
      case "sync.(*RWMutex).RLock" -> "sync.RWMutex.RLock";
      case "sync.(*WaitGroup).Wait" -> "sync.WaitGroup.Wait";
      case "sync.(*Cond).Wait" -> "sync.Cond.Wait";
      case "time.Sleep" -> "sleep";
      case "internal/poll.runtime_pollWait" -> "IO wait";
      case "syscall.Syscall", "syscall.Syscall6", "syscall.RawSyscall", "syscall.syscall" ->
          "syscall";
      default -> topFunction.startsWith("runtime/pprof.") ? "running" : null;
    };
  }
}
