package dev.leakhound.formats.prometheus;

import java.util.Locale;

/**
 * The two text formats a {@code /metrics} endpoint may answer in. They differ in details that
 * change values: OpenMetrics timestamps are seconds (text 0.0.4: milliseconds), and an OpenMetrics
 * exposition must end with {@code # EOF}, which is how a truncated body is recognised.
 *
 * <p>Immutable.
 */
public enum ExpositionFormat {
  /** {@code text/plain; version=0.0.4}: the Prometheus text format. */
  TEXT("text/plain; version=0.0.4; charset=utf-8"),
  /** {@code application/openmetrics-text; version=1.0.0}. */
  OPENMETRICS("application/openmetrics-text; version=1.0.0; charset=utf-8");

  private final String contentType;

  ExpositionFormat(String contentType) {
    this.contentType = contentType;
  }

  /** The media type to send in {@code Content-Type} when writing this format. */
  public String contentType() {
    return contentType;
  }

  /**
   * The format a {@code Content-Type} header announces, or null when the header is absent or names
   * neither (the reader then looks at the content).
   */
  public static ExpositionFormat fromContentType(String header) {
    if (header == null) {
      return null;
    }
    String type = header.toLowerCase(Locale.ROOT).strip();
    if (type.startsWith("application/openmetrics-text")) {
      return OPENMETRICS;
    }
    if (type.startsWith("text/plain")) {
      return TEXT;
    }
    return null;
  }

  /** The {@code Accept} header a scraper sends to get either format, OpenMetrics preferred. */
  public static String acceptHeader() {
    return "application/openmetrics-text;version=1.0.0;q=0.9,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
  }
}
