package dev.bulwark.guard.config;

import dev.bulwark.core.config.ConfigException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The clients that may call: those of {@code guard.yaml} and those of its keys file. A client id or key hash in both,
 * or a role the config does not define, is a problem reported at the keys file's line. The loader checks this at
 * start; the gateway asks again whenever the keys file changes, so keys added or removed take effect without a
 * restart.
 */
public final class KeysMerge {
    private KeysMerge() {
    }

    /** The config's clients followed by those of its keys file (none when it has no keys file or the file is absent). */
    public static List<ClientConfig> clients(GuardConfig config) throws ConfigException {
        if (config.keysFile() == null) return config.clients();
        return merge(config, KeysFile.at(config.keysFile()).numbered());
    }

    static List<ClientConfig> merge(GuardConfig config, List<KeysFile.Numbered> keys) throws ConfigException {
        if (keys.isEmpty()) return config.clients();
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
        return List.copyOf(clients);
    }

    private static ConfigException problem(GuardConfig config, KeysFile.Numbered n, String field, String message) {
        return new ConfigException(config.keysFile(), n.line(), field, message);
    }
}
