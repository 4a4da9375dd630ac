package dev.bulwark.guard.access;

import dev.bulwark.guard.config.Admin;
import dev.bulwark.guard.config.AlertsConfig;
import dev.bulwark.guard.config.AuditConfig;
import dev.bulwark.guard.config.ClientConfig;
import dev.bulwark.guard.config.CorsPolicy;
import dev.bulwark.guard.config.GuardConfig;
import dev.bulwark.guard.config.JwtConfig;
import dev.bulwark.guard.config.Limits;
import dev.bulwark.guard.config.Listen;
import dev.bulwark.guard.config.Policies;
import dev.bulwark.guard.config.RoleConfig;
import dev.bulwark.guard.config.StateConfig;
import dev.bulwark.guard.pipeline.RequestHead;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Small guard configs for the access tests: only what access control reads is filled in. */
final class Configs {
    static final Limits DEFAULTS = new Limits(30, null, null, null, null);

    private Configs() {
    }

    static GuardConfig of(List<ClientConfig> clients, List<RoleConfig> roles, JwtConfig jwt) {
        return of(null, clients, roles, jwt);
    }

    static GuardConfig of(Path source, List<ClientConfig> clients, List<RoleConfig> roles, JwtConfig jwt) {
        return withKeysFile(source, null, clients, roles, jwt);
    }

    static GuardConfig withKeysFile(Path source, Path keysFile, List<ClientConfig> clients, List<RoleConfig> roles,
                                    JwtConfig jwt) {
        Policies policies = new Policies(null, null, null, new CorsPolicy(List.of()), DEFAULTS, Limits.NONE,
                Limits.NONE, true);
        return new GuardConfig(source, new Listen("127.0.0.1", 0, null), new Admin(false, "127.0.0.1", 0), List.of(),
                clients, keysFile, roles, jwt, policies, new AuditConfig(null, null, null, 100, AuditConfig.TextMode.HASH,
                "test"), new StateConfig(StateConfig.Backend.MEMORY, null), new AlertsConfig(null));
    }

    static String sha256(String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    static RequestHead head(Map<String, String> headers) {
        return new RequestHead("POST", "/v1/chat/completions", "203.0.113.7", headers);
    }
}
