package dev.bulwark.guard.config;

import dev.bulwark.core.config.ConfigException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Adds the clients of the keys file to those of {@code guard.yaml}. A client id or key hash in both, or a role the
 * config does not define, is a problem reported at the keys file's line.
 */
final class KeysMerge {
    private KeysMerge() {
    }

    static GuardConfig merge(GuardConfig config, List<KeysFile.Numbered> keys) throws ConfigException {
        if (keys.isEmpty()) return config;
        Map<String, ClientConfig> byId = new HashMap<>();
        Map<String, ClientConfig> byKey = new HashMap<>();
        for (ClientConfig c : config.clients()) {
            byId.put(c.id(), c);
            if (c.keySha256() != null) byKey.put(c.keySha256(), c);
        }
        Set<String> roles = config.roles().stream().map(RoleConfig::name).collect(Collectors.toSet());
        String configName = String.valueOf(config.source().getFileName());
        List<ClientConfig> clients = new ArrayList<>(config.clients());
        for (KeysFile.Numbered n : keys) {
            KeysFile.Entry e = n.entry();
            if (byId.containsKey(e.id())) {
                throw problem(config, n, "id", "'" + e.id() + "' is also a client in " + configName
                        + "; remove one of them (bulwark guard keys remove " + e.id() + ")");
            }
            ClientConfig same = byKey.get(e.keySha256());
            if (same != null) {
                throw problem(config, n, "keySha256", "the same key as client '" + same.id() + "' in " + configName);
            }
            for (String role : e.roles()) {
                if (!roles.contains(role)) throw problem(config, n, "roles", AccessMapper.undefinedRole(role, roles)
                        .replace("add it under roles:", "add it under roles: in " + configName));
            }
            clients.add(e.toClient(config.policies().defaultLimits()));
        }
        return new GuardConfig(config.source(), config.listen(), config.admin(), config.upstreams(), clients,
                config.keysFile(), config.roles(), config.jwt(), config.policies(), config.audit(), config.state(),
                config.alerts());
    }

    private static ConfigException problem(GuardConfig config, KeysFile.Numbered n, String field, String message) {
        return new ConfigException(config.keysFile(), n.line(), field, message);
    }
}
