package dev.bulwark.guard.config;

/**
 * The client-facing listener. Port 0 takes any free port (the started gateway prints the one it got).
 *
 * @param tls certificate and key in PEM, or null for plain HTTP (loopback only is sensible then)
 */
public record Listen(String host, int port, TlsConfig tls) {
}
