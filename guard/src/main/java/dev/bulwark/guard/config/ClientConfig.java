package dev.bulwark.guard.config;

import java.util.List;

/**
 * A client allowed to call: identified by the SHA-256 (hex, lower case) of its API key, by the SHA-256 of the TLS
 * certificate it presents ({@code certificateSha256}: the DER encoding's, as {@code openssl x509 -fingerprint
 * -sha256} prints it, without colons), or by the subject of a verified JWT (both null then). After loading,
 * {@code limits} is never null: fields the client does not set take {@code policies.limits.default}, and an explicit
 * {@code null} means no limit of that kind.
 */
public record ClientConfig(String id, String keySha256, String certificateSha256, List<String> roles, Limits limits) {
    public ClientConfig {
        roles = List.copyOf(roles);
    }

    /** A client known by key (or token) only. */
    public ClientConfig(String id, String keySha256, List<String> roles, Limits limits) {
        this(id, keySha256, null, roles, limits);
    }
}
