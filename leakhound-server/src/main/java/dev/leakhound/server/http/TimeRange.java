package dev.leakhound.server.http;

import dev.leakhound.server.config.Units;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The time range of a request: {@code from} and {@code to} as milliseconds since the epoch or
 * ISO-8601 instants, or {@code range} (a duration like {@code 6h}) back from {@code to}; by default
 * the last 6 hours.
 *
 * <p>Immutable.
 */
record TimeRange(long from, long to) {
  static final Duration DEFAULT = Duration.ofHours(6);

  static TimeRange of(Context ctx, long now) {
    long to = instant(ctx, "to", now);
    String range = ctx.queryParam("range");
    long from;
    if (ctx.queryParam("from") != null) {
      from = instant(ctx, "from", now);
    } else if (range != null) {
      Duration d = Units.parseDuration(range);
      if (d == null) {
        throw new ApiException(400, "range must be a duration like 30m, 6h or 7d");
      }
      from = to - d.toMillis();
    } else {
      from = to - DEFAULT.toMillis();
    }
    if (from > to) {
      throw new ApiException(400, "from must not be after to");
    }
    return new TimeRange(from, to);
  }

  private static long instant(Context ctx, String name, long fallback) {
    String v = ctx.queryParam(name);
    if (v == null) {
      return fallback;
    }
    if (v.chars().allMatch(Character::isDigit) && !v.isEmpty()) {
      return Long.parseLong(v);
    }
    try {
      return Instant.parse(v).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new ApiException(
          400, name + " must be milliseconds since the epoch or an ISO-8601 instant");
    }
  }
}
