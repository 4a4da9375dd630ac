package dev.bulwark.guard.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The listener's TLS: PEM certificate chain and private key, and whether clients present certificates of their own
 * (mutual TLS, for apps calling from other machines of the business: a client whose certificate's SHA-256 is
 * {@link ClientConfig#certificateSha256()} needs no API key).
 *
 * @param clientCertificates whether the handshake asks for a client certificate
 * @param clientCa           PEM file of the authorities a client certificate must chain to; null: any certificate
 *                           passes the handshake and only the pinned fingerprints authenticate
 */
public record TlsConfig(Path certificate, Path privateKey, ClientCertificates clientCertificates, Path clientCa) {
    public TlsConfig {
        Objects.requireNonNull(clientCertificates, "clientCertificates");
    }

    public TlsConfig(Path certificate, Path privateKey) {
        this(certificate, privateKey, ClientCertificates.OFF, null);
    }

    /** Whether the TLS handshake asks clients for a certificate. */
    public enum ClientCertificates {
        /** It does not: clients authenticate with keys or tokens. */
        OFF,
        /** It asks; a client without one authenticates with a key or token as usual. */
        REQUEST,
        /** A client without a certificate (or, with {@code clientCa}, without one it signed) cannot connect. */
        REQUIRE
    }
}
