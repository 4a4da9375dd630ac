package dev.bulwark.guard;

import dev.bulwark.guard.proxy.ProxyServer;

/**
 * A started gateway. {@link #close()} stops accepting, lets requests in flight finish and their audit records be
 * written, then closes the limiter, the monitor and the audit sink.
 */
public final class RunningGuard implements AutoCloseable {
    private final ProxyServer server;

    RunningGuard(ProxyServer server) {
        this.server = server;
    }

    /** The client port actually bound (useful with port 0). */
    public int port() {
        return server.port();
    }

    /** The admin port actually bound, or -1 when the admin listener is off. */
    public int adminPort() {
        return server.adminPort();
    }

    /** {@code http://HOST:PORT} or {@code https://HOST:PORT}: what the CLI prints as {@code listening on URL}. */
    public String url() {
        return server.url();
    }

    @Override
    public void close() {
        server.close();
    }
}
