package dev.leakhound.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leakhound.analysis.render.JsonRenderer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small client for the watch service's API in tests. */
public final class Api {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;
  private final String token;

  public Api(String base, String token) {
    this.base = base;
    this.token = token;
  }

  /** The response of GET {@code path}. */
  public HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** GET {@code path} as JSON, failing on a non-200 status. */
  public JsonNode json(String path) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = get(path);
    if (r.statusCode() != 200) {
      throw new AssertionError(
          "GET " + path + " -> " + r.statusCode() + ": " + new String(r.body()));
    }
    return JsonRenderer.mapper().readTree(r.body());
  }

  /** The entry of {@code GET /api/v1/targets} named {@code name}. */
  public JsonNode target(String name) throws IOException, InterruptedException {
    for (JsonNode t : json("/api/v1/targets")) {
      if (t.get("name").asText().equals(name)) {
        return t;
      }
    }
    throw new AssertionError("no target " + name);
  }
}
