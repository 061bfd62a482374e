package dev.leakhound.server.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Serves one captured {@code /metrics} body, unchanged, at {@code /metrics} on 127.0.0.1. */
public final class FrozenMetrics implements AutoCloseable {
  private final HttpServer server;

  public FrozenMetrics(byte[] body, String contentType) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/metrics",
        x -> {
          x.getResponseHeaders().add("Content-Type", contentType);
          x.sendResponseHeaders(200, body.length);
          try (OutputStream out = x.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/metrics";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
