package dev.bulwark.guard.access;

import dev.bulwark.guard.config.GuardConfig;
import dev.bulwark.guard.config.JwtConfig;
import dev.bulwark.guard.pipeline.AccessControl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Builds the gateway's access control from {@code guard.yaml}: API keys by their SHA-256 (clients from the config and
 * the keys file, which is read again whenever it changes), JWTs when {@code jwt} is configured, roles → routes and
 * models. The result is also {@link AutoCloseable}: closing it stops the JWKS refresh and keys file threads (daemons
 * either way).
 */
public final class Access {
    private Access() {
    }

    /**
     * @throws IllegalArgumentException when the config cannot work (a malformed key hash, a duplicate key, an unknown
     *                                  route in a role, an unreadable JWKS file)
     */
    public static AccessControl from(GuardConfig config) {
        return from(config, JwksCache.MIN_ON_DEMAND_INTERVAL);
    }

    /** @param minOnDemandReload the least time between two JWKS reloads asked for by tokens naming an unknown key */
    static AccessControl from(GuardConfig config, Duration minOnDemandReload) {
        return from(config, minOnDemandReload, KeysWatcher.DEFAULT_INTERVAL);
    }

    /** @param keysPoll how often the keys file is checked for changes */
    static AccessControl from(GuardConfig config, Duration minOnDemandReload, Duration keysPoll) {
        KeysWatcher.Snapshot clients = KeysWatcher.snapshot(config);
        Authorizer authorizer = Authorizer.of(config.roles());
        Optional<JwtVerifier> jwt = Optional.ofNullable(config.jwt())
                .map(settings -> JwtVerifier.start(resolved(settings, config.source()), minOnDemandReload));
        var access = new GatewayAccess(clients.table(), jwt, authorizer, config.policies().defaultLimits());
        if (config.keysFile() != null) {
            access.watchedBy(KeysWatcher.start(config, clients, keysPoll, access::replaceClients));
        }
        return access;
    }

    /** A relative {@code jwksFile} is relative to the config file, like every path in it. */
    private static JwtConfig resolved(JwtConfig jwt, Path source) {
        if (jwt.jwksFile() == null || jwt.jwksFile().isAbsolute() || source == null
                || source.toAbsolutePath().getParent() == null) {
            return jwt;
        }
        return new JwtConfig(jwt.jwksUrl(), source.toAbsolutePath().getParent().resolve(jwt.jwksFile()),
                jwt.issuer(), jwt.audiences(), jwt.clientClaim(), jwt.rolesClaim(), jwt.clockSkew(), jwt.jwksRefresh());
    }
}
