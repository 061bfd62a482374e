package dev.leakhound.server.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on 127.0.0.1 that records what it is sent, and can be "down" (answering 503)
 * for a number of requests, as a receiver that is restarting would be.
 */
public final class RecordingWebhook implements AutoCloseable {
  private final HttpServer server;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger refuse = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();

  public RecordingWebhook() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hook",
        x -> {
          byte[] body = x.getRequestBody().readAllBytes();
          int status;
          if (refuse.get() > 0) {
            refuse.decrementAndGet();
            refused.incrementAndGet();
            status = 503;
          } else {
            received.add(new String(body, StandardCharsets.UTF_8));
            status = 200;
          }
          x.sendResponseHeaders(status, -1);
          try (OutputStream out = x.getResponseBody()) {
            out.flush();
          }
        });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** Answers the next {@code n} requests with 503. */
  public void refuseNext(int n) {
    refuse.set(n);
  }

  /** Requests refused so far. */
  public int refused() {
    return refused.get();
  }

  /** Bodies accepted so far, in order. */
  public List<String> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
