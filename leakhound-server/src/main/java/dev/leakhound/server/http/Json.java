package dev.leakhound.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.leakhound.analysis.render.JsonRenderer;
import io.javalin.http.Context;

/**
 * Writes API responses with the same Jackson configuration as the command line's JSON (record
 * component order = key order), compact on the wire.
 *
 * <p>Stateless and thread-safe.
 */
final class Json {
  private static final ObjectWriter WRITER =
      JsonRenderer.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  static void send(Context ctx, Object body) {
    try {
      ctx.contentType("application/json").result(WRITER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a response", e);
    }
  }

  static void error(Context ctx, int status, String message) {
    ctx.status(status);
    send(ctx, new Views.ErrorView(message));
  }
}
