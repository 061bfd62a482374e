package dev.leakhound.server.http;

import dev.leakhound.server.alert.AlertEngine;
import dev.leakhound.server.config.WatchConfig;
import dev.leakhound.server.store.Store;
import dev.leakhound.server.watch.Watcher;
import io.javalin.Javalin;

/**
 * The watch service's HTTP server (Javalin on Jetty, virtual threads): the REST API, {@code
 * /healthz}, Leakhound's own {@code /metrics} and the dashboard's static files, bound to the
 * configured address (127.0.0.1:9464 unless told otherwise).
 *
 * <p>Thread-safe to start and stop.
 */
public final class HttpServer implements AutoCloseable {
  private final Javalin app;
  private final WatchConfig config;

  public HttpServer(
      WatchConfig config, Watcher watcher, Store store, AlertEngine alerts, String version) {
    this.config = config;
    ApiHandlers api = new ApiHandlers(config, watcher, store);
    DashboardHandlers dashboard = new DashboardHandlers(config, watcher, store);
    OwnMetrics metrics = new OwnMetrics(watcher, store, alerts, version);
    BearerAuth auth = new BearerAuth(config.token());
    this.app =
        Javalin.create(
            c -> {
              c.startup.showJavalinBanner = false;
              c.startup.showOldJavalinVersionWarning = false;
              c.concurrency.useVirtualThreads = true;
              c.jetty.host = config.listen().host();
              c.jetty.port = config.listen().port();
              Routes.install(c, api, dashboard, metrics, auth);
            });
  }

  /** Starts listening; returns the port (useful when the configured port is 0). */
  public int start() {
    app.start();
    return app.port();
  }

  public int port() {
    return app.port();
  }

  /** The base URL people open, e.g. {@code http://127.0.0.1:9464}. */
  public String baseUrl() {
    String host = config.listen().host();
    if (host.equals("0.0.0.0") || host.equals("::")) {
      host = "127.0.0.1";
    }
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
