package dev.bulwark.guard.config;

import java.util.List;
import java.util.Objects;

/**
 * The client-facing listener. Port 0 takes any free port (the started gateway prints the one it got).
 *
 * @param tls                      certificate and key in PEM, or null for plain HTTP (loopback only is sensible then)
 * @param timeouts                 how long a client may take to send a request
 * @param trustedProxies           peers whose {@code forwardedHeader} names the client (a load balancer or TLS
 *                                 terminator in front); from any other peer the header is ignored
 * @param forwardedHeader          the one header those proxies write the client's address into
 * @param maxConnectionsPerAddress open connections one address may hold (0: no cap); trusted proxies are exempt
 */
public record Listen(String host, int port, TlsConfig tls, ClientTimeouts timeouts, List<AddressBlock> trustedProxies,
                     ForwardedHeader forwardedHeader, int maxConnectionsPerAddress) {
    public Listen {
        trustedProxies = List.copyOf(trustedProxies);
        Objects.requireNonNull(forwardedHeader, "forwardedHeader");
        if (maxConnectionsPerAddress < 0) throw new IllegalArgumentException("maxConnectionsPerAddress < 0");
    }

    /** A listener with no trusted proxies and the default connection cap. */
    public Listen(String host, int port, TlsConfig tls, ClientTimeouts timeouts) {
        this(host, port, tls, timeouts, List.of(), ForwardedHeader.X_FORWARDED_FOR,
                GuardDefaults.MAX_CONNECTIONS_PER_ADDRESS);
    }

    /** A listener with the default client timeouts. */
    public Listen(String host, int port, TlsConfig tls) {
        this(host, port, tls, ClientTimeouts.DEFAULTS);
    }
}
