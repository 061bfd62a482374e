package dev.leakhound.server.collect;

import dev.leakhound.server.config.ConfigProblems;
import dev.leakhound.server.config.TargetConfig;
import java.net.URI;
import java.net.URISyntaxException;

/** Checks that a target's address is an http(s) URL. Stateless. */
final class HttpAddress {
  private HttpAddress() {}

  static void check(
      TargetConfig target, String path, ConfigProblems problems, boolean pathAllowed) {
    String a = target.address();
    if (a.isEmpty()) {
      return;
    }
    try {
      URI u = new URI(a);
      if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
        throw new URISyntaxException(a, "scheme");
      }
      String urlPath = u.getPath() == null ? "" : u.getPath();
      // A prefix (a service behind a proxy) is fine; an endpoint path is a mistake.
      if (!pathAllowed
          && (urlPath.endsWith("/metrics")
              || urlPath.endsWith("/debug/vars")
              || urlPath.contains("/debug/pprof"))) {
        problems.add(
            target.line(),
            path + ".address",
            "the service's base URL, not an endpoint (like http://127.0.0.1:8080), found '"
                + a
                + "'; set metricsPath or pprofPath for other paths");
      }
    } catch (URISyntaxException e) {
      problems.add(
          target.line(), path + ".address", "an http:// or https:// URL, found '" + a + "'");
    }
  }
}
