package dev.bulwark.guard.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code guard.yaml} says, validated and with every default filled in: with only {@code listen} and
 * {@code upstreams} given, every protection is on and no client can call without a key.
 *
 * @param source   the file it was read from (messages, and the base of relative paths)
 * @param clients  the clients written in {@code guard.yaml}; with those of the keys file: {@link KeysMerge#clients}
 * @param keysFile where {@code guard keys add} keeps the hashes of the keys it issued (read at start and whenever it
 *                 changes)
 */
public record GuardConfig(Path source, Listen listen, Admin admin, List<Upstream> upstreams, List<ClientConfig> clients,
                          Path keysFile, List<RoleConfig> roles, JwtConfig jwt, Policies policies, AuditConfig audit,
                          StateConfig state, AlertsConfig alerts) {
    public GuardConfig {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(admin, "admin");
        upstreams = List.copyOf(upstreams);
        clients = List.copyOf(clients);
        roles = List.copyOf(roles);
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(alerts, "alerts");
    }
}
