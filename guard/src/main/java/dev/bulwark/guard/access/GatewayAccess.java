package dev.bulwark.guard.access;

import dev.bulwark.guard.config.ClientConfig;
import dev.bulwark.guard.config.Limits;
import dev.bulwark.guard.pipeline.AccessControl;
import dev.bulwark.guard.pipeline.Caller;
import dev.bulwark.guard.pipeline.Refusal;
import dev.bulwark.guard.pipeline.RequestHead;
import dev.bulwark.guard.pipeline.Route;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * API keys first (a presented secret whose hash is a configured key is a key, whatever its shape), then JWTs when
 * they are accepted. Close it to stop the JWKS refresh thread (a daemon, so forgetting it does not hold the JVM).
 */
final class GatewayAccess implements AccessControl, AutoCloseable {
    private final ApiKeys keys;
    private final Optional<JwtVerifier> jwt;
    private final Authorizer authorizer;
    private final Map<String, ClientConfig> clientsById;
    private final Limits defaultLimits;

    GatewayAccess(ApiKeys keys, Optional<JwtVerifier> jwt, Authorizer authorizer, List<ClientConfig> clients,
                  Limits defaultLimits) {
        this.keys = keys;
        this.jwt = jwt;
        this.authorizer = authorizer;
        this.clientsById = clients.stream().collect(Collectors.toUnmodifiableMap(ClientConfig::id,
                Function.identity(), (first, second) -> first));
        this.defaultLimits = defaultLimits == null ? Limits.NONE : defaultLimits;
    }

    @Override
    public Authentication authenticate(RequestHead head) {
        if (!(Credential.of(head) instanceof Credential.Presented presented)) {
            return new Rejected(AuthRefusals.MISSING_OR_BAD_KEY);
        }
        Optional<ClientConfig> byKey = keys.find(presented.value());
        if (byKey.isPresent()) {
            ClientConfig client = byKey.get();
            return new Authenticated(new Caller(client.id(), Set.copyOf(client.roles()), head.remoteIp(), "key",
                    limitsOf(client)));
        }
        if (jwt.isPresent() && presented.looksLikeJwt()) return byToken(jwt.get(), presented.value(), head);
        return new Rejected(AuthRefusals.MISSING_OR_BAD_KEY);
    }

    private Authentication byToken(JwtVerifier verifier, String token, RequestHead head) {
        Optional<JwtVerifier.Verified> verified = verifier.verify(token);
        if (verified.isEmpty()) return new Rejected(AuthRefusals.INVALID_TOKEN);
        String clientId = verified.get().clientId();
        ClientConfig configured = clientsById.get(clientId);
        // the token's roles decide; a token without a roles claim gets the roles configured for its client, if any
        List<String> roles = verified.get().roles()
                .orElse(configured == null ? List.of() : configured.roles());
        return new Authenticated(new Caller(clientId, Set.copyOf(roles), head.remoteIp(), "jwt",
                configured == null ? defaultLimits : limitsOf(configured)));
    }

    private Limits limitsOf(ClientConfig client) {
        return client.limits() == null ? defaultLimits : client.limits();
    }

    @Override
    public Optional<Refusal> authorize(Caller caller, Route route, String model, List<String> tools) {
        return authorizer.authorize(caller, route, model, tools);
    }

    @Override
    public void close() {
        jwt.ifPresent(JwtVerifier::close);
    }
}
