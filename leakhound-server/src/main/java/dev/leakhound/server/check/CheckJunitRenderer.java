package dev.leakhound.server.check;

import dev.leakhound.analysis.render.Renderer;
import dev.leakhound.server.config.Units;
import dev.leakhound.server.report.ReportSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code leakhound check --format junit}: a JUnit XML report CI servers display, one test case per
 * target, failed when it leaks (the message is the report's summary, the body lists the culprits
 * and goroutine groups).
 *
 * <p>Stateless and thread-safe.
 */
public final class CheckJunitRenderer implements Renderer<CheckResult> {
  @Override
  public String contentType() {
    return "application/xml";
  }

  @Override
  public void write(CheckResult r, OutputStream out) throws IOException {
    PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
    long failures = r.targets().stream().filter(t -> t.verdict().equals("leak")).count();
    w.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    w.printf(
        Locale.ROOT,
        "<testsuite name=\"leakhound check\" tests=\"%d\" failures=\"%d\" errors=\"0\" time=\"%.1f\">%n",
        r.targets().size(),
        failures,
        r.durationSeconds());
    for (CheckResult.TargetResult t : r.targets()) {
      w.printf(
          Locale.ROOT,
          "  <testcase classname=\"leakhound\" name=\"%s\" time=\"%.1f\">%n",
          xml(t.name()),
          r.durationSeconds());
      if (t.verdict().equals("leak")) {
        StringBuilder body = new StringBuilder();
        for (ReportSummary.CulpritRow c : t.culprits()) {
          body.append('+')
              .append(Units.formatBytes(c.growthBytes()))
              .append("  ")
              .append(c.function())
              .append("  ")
              .append(c.file())
              .append(':')
              .append(c.line())
              .append('\n');
        }
        for (ReportSummary.GroupRow g : t.goroutineGroups()) {
          body.append(g.count())
              .append(" goroutines (+")
              .append(g.growth())
              .append(")  ")
              .append(g.function())
              .append(" [")
              .append(g.state())
              .append("]\n");
        }
        w.printf(
            "    <failure type=\"leak\" message=\"%s\">%s</failure>%n",
            xml(t.summary()), xml(body.toString()));
      } else {
        w.printf("    <system-out>%s: %s</system-out>%n", xml(t.verdict()), xml(t.summary()));
      }
      w.println("  </testcase>");
    }
    w.println("</testsuite>");
    w.flush();
  }

  private static String xml(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
