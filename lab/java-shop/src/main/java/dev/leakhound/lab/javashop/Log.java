package dev.leakhound.lab.javashop;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

/** One-line logs to stderr; stdout is reserved for the two start-up lines. Thread-safe. */
final class Log {
    private Log() {
    }

    static void info(String format, Object... args) {
        write("INFO", String.format(format, args));
    }

    static void error(String message, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        write("ERROR", message + ": " + trace.toString().stripTrailing());
    }

    private static void write(String level, String message) {
        System.err.println(Instant.now() + " " + level + " java-shop: " + message);
    }
}
