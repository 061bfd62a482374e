package dev.leakhound.lab.javashop;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.rmi.NoSuchObjectException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.ExportException;
import java.rmi.server.UnicastRemoteObject;
import java.util.HashMap;
import java.util.Map;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import javax.management.remote.rmi.RMIJRMPServerImpl;

/**
 * A JMX connector server over RMI on 127.0.0.1, with the registry and the server objects on
 * the same port. LAB ONLY: no authentication and no SSL; the loopback binding is the only
 * protection, which is why nothing here ever listens on another address.
 * Not thread-safe; start once, close once.
 */
final class LoopbackJmxServer implements AutoCloseable {
    private static final int PORT_ATTEMPTS = 10;

    private final int port;
    private final Registry registry;
    private final JMXConnectorServer connector;

    private LoopbackJmxServer(int port, Registry registry, JMXConnectorServer connector) {
        this.port = port;
        this.registry = registry;
        this.connector = connector;
    }

    /** Starts on {@code requestedPort}, or on a free loopback port when it is 0. */
    static LoopbackJmxServer start(int requestedPort) throws IOException {
        // Stubs handed to clients must name the address we listen on.
        System.setProperty("java.rmi.server.hostname", ShopServer.HOST);
        LoopbackServerSocketFactory sockets = new LoopbackServerSocketFactory();
        int port = requestedPort;
        Registry registry = null;
        for (int attempt = 1; registry == null; attempt++) {
            port = requestedPort != 0 ? requestedPort : freeLoopbackPort();
            try {
                registry = LocateRegistry.createRegistry(port, null, sockets);
            } catch (ExportException e) {
                // A free port found by probing can be taken before we bind it: try another.
                if (requestedPort != 0 || attempt >= PORT_ATTEMPTS) {
                    throw e;
                }
            }
        }
        Map<String, Object> env = new HashMap<>();
        env.put(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, sockets);
        JMXServiceURL address = new JMXServiceURL("service:jmx:rmi://" + ShopServer.HOST + ":" + port);
        // The server object on the registry's port and socket factory, so both share one socket.
        RMIJRMPServerImpl serverObject = new RMIJRMPServerImpl(port, null, sockets, env);
        RMIConnectorServer connector = new RMIConnectorServer(address, env, serverObject,
                ManagementFactory.getPlatformMBeanServer());
        try {
            connector.start();
            // Bound directly rather than through JNDI: fewer moving parts, same client URL.
            registry.rebind("jmxrmi", serverObject.toStub());
        } catch (IOException | RuntimeException e) {
            connector.stop();
            unexport(registry);
            throw e;
        }
        return new LoopbackJmxServer(port, registry, connector);
    }

    int port() {
        return port;
    }

    /** The URL clients use: the registry on our port, entry "jmxrmi". */
    String serviceUrl() {
        return "service:jmx:rmi:///jndi/rmi://" + ShopServer.HOST + ":" + port + "/jmxrmi";
    }

    @Override
    public void close() {
        try {
            connector.stop();
        } catch (IOException e) {
            Log.error("stopping the JMX connector", e);
        }
        unexport(registry);
    }

    private static void unexport(Registry registry) {
        try {
            UnicastRemoteObject.unexportObject(registry, true);
        } catch (NoSuchObjectException ignored) {
            // Already gone.
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, LoopbackServerSocketFactory.LOOPBACK)) {
            return probe.getLocalPort();
        }
    }
}
