package dev.bulwark.guard.access;

import dev.bulwark.guard.config.ClientConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The clients that call with an API key, found by the SHA-256 of the key. Only hashes are kept: a leaked config or
 * keys file does not leak keys. The lookup is by hash, so its timing reveals nothing about the key itself; the match
 * is confirmed with a constant-time comparison anyway.
 */
final class ApiKeys {
    private final Map<String, Entry> byHash;

    private record Entry(byte[] hash, ClientConfig client) {
    }

    private ApiKeys(Map<String, Entry> byHash) {
        this.byHash = byHash;
    }

    static ApiKeys of(List<ClientConfig> clients) {
        Map<String, Entry> byHash = new HashMap<>();
        for (ClientConfig client : clients) {
            if (client.keySha256() == null) continue;
            String hex = client.keySha256().strip().toLowerCase(Locale.ROOT);
            if (!hex.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("client '" + client.id() + "': keySha256 must be 64 hex digits");
            }
            Entry previous = byHash.put(hex, new Entry(HexFormat.of().parseHex(hex), client));
            if (previous != null) {
                throw new IllegalArgumentException("clients '" + previous.client().id() + "' and '" + client.id()
                        + "' have the same key");
            }
        }
        return new ApiKeys(Map.copyOf(byHash));
    }

    int size() {
        return byHash.size();
    }

    Optional<ClientConfig> find(String key) {
        byte[] hash = sha256(key);
        Entry entry = byHash.get(HexFormat.of().formatHex(hash));
        if (entry == null || !MessageDigest.isEqual(entry.hash(), hash)) return Optional.empty();
        return Optional.of(entry.client());
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
