package dev.leakhound.formats.pprof;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text helpers shared by the legacy readers, with Go's semantics. Stateless; thread-safe. */
final class LegacyText {
  private static final Pattern HEX_NUMBER = Pattern.compile("0x[0-9a-f]+");

  private LegacyText() {}

  /** Splits as Go's {@code bufio.ScanLines}: on {@code \n}, dropping a {@code \r} before it. */
  static List<String> lines(byte[] data, int offset, int length) {
    String text = new String(data, offset, length, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
      lines.add(text.substring(start, stop));
      start = end + 1;
    }
    return lines;
  }

  /** The longest line Go's {@code bufio.Scanner} (and so pprof) reads: 64 KiB. */
  static final int MAX_LINE = 64 * 1024;

  /** Fails on a line pprof's scanner would refuse as too long. */
  static void requireScannable(String line, String source, int lineNumber)
      throws dev.leakhound.formats.io.InputFormatException {
    if (line.length() >= MAX_LINE) {
      throw dev.leakhound.formats.io.InputFormatException.atLine(
          source, lineNumber, "a line shorter than 64 KiB (pprof reads no longer lines either)");
    }
  }

  /** Go's {@code isSpaceOrComment}: blank, or starting with {@code #} once trimmed. */
  static boolean isSpaceOrComment(String line) {
    String trimmed = line.strip();
    return trimmed.isEmpty() || trimmed.charAt(0) == '#';
  }

  /**
   * The {@code 0x...} numbers in {@code s} as unsigned 64-bit values; null when one does not fit
   * (pprof: a malformed profile).
   */
  static long[] hexAddresses(String s) {
    Matcher m = HEX_NUMBER.matcher(s);
    long[] out = new long[8];
    int n = 0;
    while (m.find()) {
      String digits = s.substring(m.start() + 2, m.end());
      long value;
      try {
        value = Long.parseUnsignedLong(digits, 16);
      } catch (NumberFormatException e) {
        return null;
      }
      if (n == out.length) {
        out = java.util.Arrays.copyOf(out, n * 2);
      }
      out[n++] = value;
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /**
   * pprof's {@code scaleHeapSample}: un-samples a heap sample of {@code count} objects and {@code
   * size} bytes collected by a Poisson process with mean rate {@code rate} bytes, dividing by the
   * probability {@code 1-exp(-avgSize/rate)} that such a sample appears.
   */
  static long[] scaleHeapSample(long count, long size, long rate) {
    if (count == 0 || size == 0) {
      return new long[] {0, 0};
    }
    if (rate <= 1) {
      return new long[] {count, size};
    }
    double avgSize = (double) size / (double) count;
    double scale = 1 / (1 - Math.exp(-avgSize / (double) rate));
    return new long[] {(long) ((double) count * scale), (long) ((double) size * scale)};
  }
}
