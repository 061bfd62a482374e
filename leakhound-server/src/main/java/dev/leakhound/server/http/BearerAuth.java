package dev.leakhound.server.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Requires {@code Authorization: Bearer TOKEN} on every request but {@code /healthz} when a token
 * is configured. Profiles and reports contain user data (function names, heap contents), so the
 * check runs before every route but the dashboard's static files ({@link #isDashboardAsset}). The
 * comparison takes constant time.
 *
 * <p>Immutable and thread-safe.
 */
final class BearerAuth {
  private final byte[] token;

  BearerAuth(String token) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The dashboard's static files (HTML, JS, CSS, vendored libraries) hold no user data, and a
   * browser cannot send a bearer header when it navigates: they are served without the token, and
   * the page asks for it and sends it with every API call.
   */
  static boolean isDashboardAsset(String path) {
    return path.equals("/") || path.equals("/dashboard") || path.startsWith("/dashboard/");
  }

  void check(Context ctx) {
    if (token == null || ctx.path().equals("/healthz") || isDashboardAsset(ctx.path())) {
      return;
    }
    String header = ctx.header("Authorization");
    byte[] given =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8)
            : new byte[0];
    if (!MessageDigest.isEqual(given, token)) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"leakhound\"");
      throw new ApiException(
          401,
          header == null
              ? "this server requires a bearer token: send 'Authorization: Bearer TOKEN'"
              : "the bearer token is wrong");
    }
  }
}
