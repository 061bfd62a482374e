package dev.leakhound.lab.javashop;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The HTTP side: a JDK {@link HttpServer} on 127.0.0.1 with a <em>fixed</em> worker pool.
 * The pool is deliberate: its threads live as long as the server, which is what makes the
 * threadlocal-leak scenario leak (a thread-per-request server would drop the ThreadLocals).
 * Thread-safe; routes are fixed at start.
 */
final class ShopServer implements AutoCloseable {
    static final String HOST = "127.0.0.1";

    private final HttpServer server;
    private final ExecutorService workers;

    private ShopServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    static ShopServer start(ShopOptions options, List<Route> routes, LongAdder servedRequests)
            throws IOException {
        InetAddress loopback = InetAddress.getByAddress(HOST, new byte[] {127, 0, 0, 1});
        HttpServer server = HttpServer.create(new InetSocketAddress(loopback, options.port()), 128);
        ExecutorService workers = Executors.newFixedThreadPool(options.threads(), new WorkerThreads());
        Map<String, List<Route>> routesByPath = new LinkedHashMap<>();
        for (Route route : routes) {
            routesByPath.computeIfAbsent(route.path(), p -> new ArrayList<>()).add(route);
        }
        routesByPath.forEach((path, pathRoutes) ->
                server.createContext(path, exchange -> serve(exchange, pathRoutes, servedRequests)));
        server.createContext("/", exchange -> serve(exchange, List.of(), servedRequests));
        server.setExecutor(workers);
        server.start();
        return new ShopServer(server, workers);
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Stops accepting, gives in-flight requests up to a second, then stops the workers. */
    @Override
    public void close() {
        server.stop(1);
        workers.shutdownNow();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void serve(HttpExchange exchange, List<Route> pathRoutes, LongAdder servedRequests) {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Route route = null;
            boolean pathKnown = false;
            for (Route candidate : pathRoutes) {
                if (candidate.path().equals(path)) {
                    pathKnown = true;
                    if (candidate.method().equals(method)) {
                        route = candidate;
                    }
                }
            }
            ShopResponse response;
            if (route == null) {
                response = pathKnown
                        ? ShopResponse.error(405, "method " + method + " not allowed on " + path)
                        : ShopResponse.error(404, "no route " + path);
            } else {
                String body = readBody(exchange.getRequestBody());
                ShopRequest request = new ShopRequest(method, path,
                        ShopRequest.parseQuery(exchange.getRequestURI().getRawQuery()), body);
                response = route.handler().handle(request);
                if (route.scenario() != null && response.status() < 400) {
                    servedRequests.increment();
                }
            }
            write(exchange, response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writeQuietly(exchange, ShopResponse.error(503, "shutting down"));
        } catch (IOException | RuntimeException e) {
            Log.error("request " + exchange.getRequestURI() + " failed", e);
            writeQuietly(exchange, ShopResponse.error(500, String.valueOf(e)));
        } finally {
            exchange.close();
        }
    }

    private static String readBody(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void write(HttpExchange exchange, ShopResponse response) throws IOException {
        byte[] bytes = response.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void writeQuietly(HttpExchange exchange, ShopResponse response) {
        try {
            write(exchange, response);
        } catch (IOException | RuntimeException ignored) {
            // The headers may already be out or the client gone; the exchange is closed next.
        }
    }

    /** Names the pooled workers so heap dumps show which thread roots a ThreadLocal. */
    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger next = new AtomicInteger(1);

        @Override
        public Thread newThread(Runnable task) {
            return new Thread(task, "shop-http-" + next.getAndIncrement());
        }
    }
}
