package dev.leakhound.formats.prometheus;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes an {@link Exposition} in the Prometheus text format 0.0.4: {@code # HELP} and {@code #
 * TYPE} lines, then the samples with escaped label values. What {@link PrometheusTextReader} reads
 * back equal (the round trip the tests check).
 *
 * <p>Stateless and thread-safe. Cost: linear in the samples written.
 */
public final class PrometheusTextWriter {
  private PrometheusTextWriter() {}

  /** Writes {@code exposition} to {@code out} as UTF-8 text; does not close {@code out}. */
  public static void write(Exposition exposition, OutputStream out) throws IOException {
    Writer w =
        new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
    for (MetricFamily f : exposition.families()) {
      if (!f.help().isEmpty()) {
        w.write("# HELP " + f.name() + " " + escapeHelp(f.help()) + "\n");
      }
      if (f.type() != MetricType.UNTYPED) {
        w.write("# TYPE " + f.name() + " " + f.type().word() + "\n");
      }
      for (MetricSample s : f.samples()) {
        w.write(s.name());
        if (!s.labels().isEmpty()) {
          w.write('{');
          boolean first = true;
          for (Map.Entry<String, String> e : s.labels().entrySet()) {
            if (!first) {
              w.write(',');
            }
            first = false;
            w.write(e.getKey());
            w.write("=\"");
            w.write(escapeLabel(e.getValue()));
            w.write('"');
          }
          w.write('}');
        }
        w.write(' ');
        w.write(formatValue(s.value()));
        if (s.hasTimestamp()) {
          w.write(' ');
          w.write(Long.toString(s.timestampMillis()));
        }
        w.write('\n');
      }
    }
    w.flush();
  }

  /** The text form of a sample value: integers without a fraction, NaN and ±Inf by name. */
  public static String formatValue(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  static String escapeLabel(String s) {
    if (s.indexOf('\\') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
      return s;
    }
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static String escapeHelp(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n");
  }
}
