package dev.leakhound.formats.prometheus;

import java.util.Locale;

/**
 * The type of a metric family, as a {@code # TYPE} line declares it. Text 0.0.4 knows counter,
 * gauge, histogram, summary and untyped; OpenMetrics adds info, stateset, gaugehistogram and calls
 * untyped "unknown".
 *
 * <p>Immutable.
 */
public enum MetricType {
  COUNTER,
  GAUGE,
  HISTOGRAM,
  SUMMARY,
  UNTYPED,
  INFO,
  STATESET,
  GAUGEHISTOGRAM;

  /** The type named on a {@code # TYPE} line, or null when the word is not a type. */
  static MetricType parse(String word) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "counter" -> COUNTER;
      case "gauge" -> GAUGE;
      case "histogram" -> HISTOGRAM;
      case "summary" -> SUMMARY;
      case "untyped", "unknown" -> UNTYPED;
      case "info" -> INFO;
      case "stateset" -> STATESET;
      case "gaugehistogram" -> GAUGEHISTOGRAM;
      default -> null;
    };
  }

  /** The word used on a {@code # TYPE} line of the text format. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The sample-name suffixes that belong to a family of this type: {@code x_bucket} belongs to
   * histogram {@code x}, {@code x_total} to counter {@code x} (OpenMetrics).
   */
  String[] suffixes() {
    return switch (this) {
      case COUNTER -> new String[] {"_total", "_created"};
      case HISTOGRAM -> new String[] {"_bucket", "_sum", "_count", "_created"};
      case GAUGEHISTOGRAM -> new String[] {"_bucket", "_gsum", "_gcount"};
      case SUMMARY -> new String[] {"_sum", "_count", "_created"};
      case INFO -> new String[] {"_info"};
      default -> new String[0];
    };
  }
}
