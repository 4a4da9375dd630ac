package dev.bulwark.guard.config;

import java.util.List;

/**
 * A client allowed to call: identified by the SHA-256 (hex, lower case) of its API key, or by the subject of a
 * verified JWT ({@code keySha256} null then). After loading, {@code limits} is never null: fields the client does
 * not set take {@code policies.limits.default}, and an explicit {@code null} means no limit of that kind.
 */
public record ClientConfig(String id, String keySha256, List<String> roles, Limits limits) {
    public ClientConfig {
        roles = List.copyOf(roles);
    }
}
