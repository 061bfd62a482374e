package dev.leakhound.server.collect;

import dev.leakhound.formats.io.Inputs;
import dev.leakhound.server.config.Units;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.zip.GZIPInputStream;

/**
 * Checks a captured pprof profile before it is stored, so a target serving garbage at {@code
 * /debug/pprof/heap} is reported at capture time with the reason, not when someone opens the
 * report.
 *
 * <p>Stateless and thread-safe.
 */
final class ProfileCheck {
  private ProfileCheck() {}

  /** Fails unless {@code content} is a gzipped profile within {@code maxDecompressed} bytes. */
  static byte[] checkPprof(URI uri, byte[] content, long maxDecompressed) throws CollectException {
    if (!Inputs.isGzip(content)) {
      throw new CollectException(
          "GET "
              + uri
              + ": malformed profile: expected a gzipped profile.proto, found "
              + (content.length == 0 ? "an empty body" : describe(content)));
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content), 1 << 16)) {
      return Inputs.readAll(uri.toString(), in, maxDecompressed);
    } catch (dev.leakhound.formats.io.InputFormatException e) {
      throw new CollectException(
          "GET "
              + uri
              + ": the profile decompresses to more than "
              + Units.formatBytes(maxDecompressed),
          e);
    } catch (IOException e) {
      throw new CollectException(
          "GET " + uri + ": malformed profile: broken gzip (" + e.getMessage() + ")", e);
    }
  }

  /** Fails unless {@code text} starts like a goroutine dump. */
  static void checkGoroutineText(URI uri, byte[] text) throws CollectException {
    int n = Math.min(text.length, 40);
    String head = new String(text, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    if (!head.startsWith("goroutine")) {
      throw new CollectException(
          "GET "
              + uri
              + ": expected a goroutine dump ('goroutine ...' on the first line), found '"
              + head.replaceAll("\\s+", " ")
              + "'");
    }
  }

  private static String describe(byte[] content) {
    int n = Math.min(16, content.length);
    StringBuilder sb = new StringBuilder("bytes");
    for (int i = 0; i < n; i++) {
      sb.append(String.format(" %02x", content[i] & 0xff));
    }
    return sb.toString();
  }
}
