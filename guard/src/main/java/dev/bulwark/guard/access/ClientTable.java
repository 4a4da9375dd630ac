package dev.bulwark.guard.access;

import dev.bulwark.guard.config.ClientConfig;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The clients as the gateway looks them up: by key hash, by certificate fingerprint and by id. Immutable; replaced
 * whole when the keys change.
 */
record ClientTable(ApiKeys keys, Map<String, ClientConfig> byCertificate, Map<String, ClientConfig> byId) {

    /** @throws IllegalArgumentException for a malformed key hash or two clients with one key */
    static ClientTable of(List<ClientConfig> clients) {
        return new ClientTable(ApiKeys.of(clients), clients.stream().filter(c -> c.certificateSha256() != null)
                .collect(Collectors.toUnmodifiableMap(ClientConfig::certificateSha256, Function.identity(),
                        (first, second) -> first)),
                clients.stream().collect(Collectors.toUnmodifiableMap(
                        ClientConfig::id, Function.identity(), (first, second) -> first)));
    }
}
