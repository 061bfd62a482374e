package dev.leakhound.lab.javashop;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.LongAdder;

/**
 * Entry point of the java-shop lab service: a small web shop whose memory leaks are chosen
 * by flag, used to exercise Leakhound's JVM collection, histogram and heap-dump analysis.
 *
 * <p>On start it prints exactly two lines to stdout (the HTTP address, then the JMX service
 * URL) and nothing else; all logging goes to stderr. SIGTERM and SIGINT stop it through a
 * shutdown hook.
 */
public final class Main {
    /** Exit code for bad command-line usage (sysexits EX_USAGE). */
    static final int EXIT_USAGE = 64;

    private Main() {
    }

    /**
     * Starts the shop and returns once it serves; the HTTP and RMI threads keep the JVM up.
     *
     * @param args see {@link ShopOptions#USAGE}
     */
    public static void main(String[] args) {
        ShopOptions options;
        try {
            options = ShopOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("java-shop: " + e.getMessage());
            System.err.println(ShopOptions.USAGE);
            System.exit(EXIT_USAGE);
            return;
        }
        try {
            start(options);
        } catch (IOException | RuntimeException e) {
            Log.error("cannot start", e);
            System.exit(70);
        }
    }

    private static void start(ShopOptions options) throws IOException {
        HeapFloorTracker floor = HeapFloorTracker.install();
        LongAdder servedRequests = new LongAdder();
        ShopServer http = ShopServer.start(options, ShopRoutes.table(options, floor, servedRequests),
                servedRequests);
        LoopbackJmxServer jmx;
        try {
            jmx = LoopbackJmxServer.start(options.jmxPort());
        } catch (IOException | RuntimeException e) {
            http.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Log.info("stopping");
            http.close();
            jmx.close();
            Log.info("stopped");
        }, "shop-shutdown"));

        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        out.println("listening on " + ShopServer.HOST + ":" + http.port());
        out.println("jmx " + jmx.serviceUrl());
        out.flush();
        Log.info("scenarios %s, leak-bytes %d, %d worker threads", options.scenarioNames(),
                options.leakBytes(), options.threads());
    }
}
