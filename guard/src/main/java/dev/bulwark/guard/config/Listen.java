package dev.bulwark.guard.config;

/**
 * The client-facing listener. Port 0 takes any free port (the started gateway prints the one it got).
 *
 * @param tls      certificate and key in PEM, or null for plain HTTP (loopback only is sensible then)
 * @param timeouts how long a client may take to send a request
 */
public record Listen(String host, int port, TlsConfig tls, ClientTimeouts timeouts) {
    /** A listener with the default client timeouts. */
    public Listen(String host, int port, TlsConfig tls) {
        this(host, port, tls, ClientTimeouts.DEFAULTS);
    }
}
