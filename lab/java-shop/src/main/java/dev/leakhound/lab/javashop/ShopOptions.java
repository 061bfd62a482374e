package dev.leakhound.lab.javashop;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The validated command line of the shop. Immutable.
 *
 * @param port        HTTP port on 127.0.0.1, 0 picks a free one
 * @param jmxPort     JMX (RMI registry and server objects) port on 127.0.0.1, 0 picks a free one
 * @param scenarios   enabled scenarios, in the order given, without duplicates
 * @param leakBytes   bytes each scenario request retains (leaks) or works with (controls)
 * @param threads     size of the fixed HTTP worker pool
 */
record ShopOptions(int port, int jmxPort, List<Scenario> scenarios, int leakBytes, int threads) {
    static final String USAGE = """
            usage: java -jar java-shop.jar [--port N] [--jmx-port N] [--scenarios a,b]
                                           [--leak-bytes N] [--threads N]
              --port N         HTTP port on 127.0.0.1 (0 = a free one, default 0)
              --jmx-port N     JMX port on 127.0.0.1 (0 = a free one, default 0)
              --scenarios a,b  comma-separated, default steady; one or more of:
                               %s
              --leak-bytes N   bytes per request a scenario retains or works with (default 65536)
              --threads N      HTTP worker threads (default 16)""".formatted(Scenario.allNames());

    static final int DEFAULT_LEAK_BYTES = 64 * 1024;
    static final int DEFAULT_THREADS = 16;

    ShopOptions {
        checkPort("--port", port);
        checkPort("--jmx-port", jmxPort);
        scenarios = List.copyOf(scenarios);
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("--scenarios: at least one scenario is needed");
        }
        if (leakBytes < 1 || leakBytes > (1 << 28)) {
            throw new IllegalArgumentException("--leak-bytes: want 1.." + (1 << 28) + ", got " + leakBytes);
        }
        if (threads < 1 || threads > 512) {
            throw new IllegalArgumentException("--threads: want 1..512, got " + threads);
        }
    }

    /** Parses {@code --flag value} and {@code --flag=value} forms; throws on anything else. */
    static ShopOptions parse(String[] args) {
        int port = 0;
        int jmxPort = 0;
        List<Scenario> scenarios = List.of(Scenario.STEADY);
        int leakBytes = DEFAULT_LEAK_BYTES;
        int threads = DEFAULT_THREADS;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            String value;
            int eq = flag.indexOf('=');
            if (flag.startsWith("--") && eq > 0) {
                value = flag.substring(eq + 1);
                flag = flag.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(flag + ": missing value");
            }
            switch (flag) {
                case "--port" -> port = parseInt(flag, value);
                case "--jmx-port" -> jmxPort = parseInt(flag, value);
                case "--scenarios" -> scenarios = parseScenarios(value);
                case "--leak-bytes" -> leakBytes = parseInt(flag, value);
                case "--threads" -> threads = parseInt(flag, value);
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        return new ShopOptions(port, jmxPort, scenarios, leakBytes, threads);
    }

    /** The enabled scenario names joined with commas, for logs. */
    String scenarioNames() {
        List<String> names = new ArrayList<>();
        for (Scenario s : scenarios) {
            names.add(s.label());
        }
        return String.join(",", names);
    }

    private static List<Scenario> parseScenarios(String value) {
        Set<Scenario> scenarios = new LinkedHashSet<>();
        for (String name : value.split(",")) {
            if (!name.isBlank()) {
                scenarios.add(Scenario.byLabel(name.trim()));
            }
        }
        return new ArrayList<>(scenarios);
    }

    private static int parseInt(String flag, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": not an integer: " + value, e);
        }
    }

    private static void checkPort(String flag, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(flag + ": want 0..65535, got " + port);
        }
    }
}
