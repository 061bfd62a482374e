package dev.leakhound.server.collect;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.formats.io.Inputs;
import dev.leakhound.server.config.Units;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

/**
 * A successful response as {@link HttpFetcher} read it, still encoded.
 *
 * <p>Immutable (the array is shared; callers must not modify it).
 *
 * @param uri what was fetched
 * @param status the HTTP status
 * @param contentType the {@code Content-Type} header, or empty
 * @param contentEncoding the {@code Content-Encoding} header in lower case, or empty
 * @param raw the body as received
 * @param elapsed how long the exchange took
 */
public record Fetched(
    URI uri, int status, String contentType, String contentEncoding, byte[] raw, Duration elapsed) {

  /**
   * The entity: the body with its {@code Content-Encoding: gzip} removed (a pprof profile stays
   * gzipped: that is its own format). Fails when it decompresses to more than {@code max} bytes.
   */
  public byte[] entity(long max) throws CollectException {
    if (!contentEncoding.equals("gzip")) {
      return raw;
    }
    return gunzip(raw, max);
  }

  /** The entity, gunzipped as well when it starts with the gzip magic (text formats). */
  public byte[] plain(long max) throws CollectException {
    byte[] entity = entity(max);
    return Inputs.isGzip(entity) ? gunzip(entity, max) : entity;
  }

  private byte[] gunzip(byte[] data, long max) throws CollectException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data), 1 << 16)) {
      return Inputs.readAll(uri.toString(), in, max);
    } catch (InputFormatException e) {
      throw new CollectException(
          "GET "
              + uri
              + ": the response decompresses to more than "
              + Units.formatBytes(max)
              + " (a gzip bomb? raise maxDecompressedSize if it is genuine)",
          e);
    } catch (IOException e) {
      throw new CollectException(
          "GET " + uri + ": broken gzip content (" + e.getMessage() + ")", e);
    }
  }
}
