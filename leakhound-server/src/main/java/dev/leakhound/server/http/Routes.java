package dev.leakhound.server.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

/**
 * Every HTTP route of the watch service, in one table. Handlers are method references; README's API
 * section documents each route and its JSON shape. The dashboard (issue #6) is served from the
 * classpath folder {@code /dashboard/}; its own API needs go into this table too.
 */
final class Routes {
  private Routes() {}

  static void install(
      JavalinConfig config,
      ApiHandlers api,
      DashboardHandlers dashboard,
      OwnMetrics metrics,
      BearerAuth auth) {
    config.routes.before(auth::check);

    config.routes.get("/healthz", api::healthz);
    config.routes.get("/metrics", metrics::write);
    config.routes.get("/", api::root);

    config.routes.get("/api/v1/targets", api::targets);
    config.routes.get("/api/v1/targets/{name}", api::target);
    config.routes.get("/api/v1/targets/{name}/series", api::signals);
    config.routes.get("/api/v1/targets/{name}/series/{signal}", api::series);
    config.routes.get("/api/v1/targets/{name}/events", api::events);
    config.routes.get("/api/v1/targets/{name}/profiles", api::targetProfiles);
    config.routes.get("/api/v1/reports", api::reports);
    config.routes.get("/api/v1/reports/{id}", api::report);
    config.routes.get("/api/v1/profiles", api::profiles);
    config.routes.get("/api/v1/profiles/{id}", api::profileDownload);
    config.routes.get("/api/v1/alerts", api::alerts);

    config.routes.get("/api/v1/dashboard/overview", dashboard::overview);
    config.routes.get("/api/v1/dashboard/targets/{name}/charts", dashboard::charts);
    config.routes.get("/api/v1/dashboard/reports/{id}/flamegraph", dashboard::flameGraph);
    config.routes.get("/api/v1/dashboard/receivers", dashboard::receivers);

    config.staticFiles.add(
        files -> {
          files.hostedPath = "/dashboard";
          files.directory = "/dashboard";
          files.location = Location.CLASSPATH;
        });

    config.routes.exception(
        ApiException.class, (e, ctx) -> Json.error(ctx, e.status(), e.getMessage()));
  }
}
