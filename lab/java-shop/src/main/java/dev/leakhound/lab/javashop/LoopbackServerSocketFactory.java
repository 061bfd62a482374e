package dev.leakhound.lab.javashop;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.server.RMIServerSocketFactory;

/**
 * Server sockets bound to 127.0.0.1 only. Equal instances let the RMI runtime share one
 * listening port between the registry and the JMX server objects, so one port suffices.
 * Stateless and thread-safe.
 */
final class LoopbackServerSocketFactory implements RMIServerSocketFactory {
    static final InetAddress LOOPBACK = loopback();

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return new ServerSocket(port, 50, LOOPBACK);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LoopbackServerSocketFactory;
    }

    @Override
    public int hashCode() {
        return LoopbackServerSocketFactory.class.hashCode();
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
