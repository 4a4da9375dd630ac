package dev.bulwark.guard.access;

import dev.bulwark.guard.config.ClientConfig;
import dev.bulwark.guard.config.Limits;
import dev.bulwark.guard.pipeline.AccessControl;
import dev.bulwark.guard.pipeline.Caller;
import dev.bulwark.guard.pipeline.Refusal;
import dev.bulwark.guard.pipeline.RequestHead;
import dev.bulwark.guard.pipeline.Route;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A pinned TLS client certificate first, then API keys (a presented secret whose hash is a configured key is a key,
 * whatever its shape), then JWTs when they are accepted. The clients can be replaced while requests run
 * ({@link #replaceClients}: the keys file changed); each request sees one table, the old or the new. Close it to stop
 * the JWKS refresh and keys file threads (daemons, so forgetting it does not hold the JVM).
 */
final class GatewayAccess implements AccessControl, AutoCloseable {
    private volatile ClientTable clients;
    private final Optional<JwtVerifier> jwt;
    private final Authorizer authorizer;
    private final Limits defaultLimits;
    private volatile AutoCloseable keysWatch = () -> { };

    GatewayAccess(ClientTable clients, Optional<JwtVerifier> jwt, Authorizer authorizer, Limits defaultLimits) {
        this.clients = clients;
        this.jwt = jwt;
        this.authorizer = authorizer;
        this.defaultLimits = defaultLimits == null ? Limits.NONE : defaultLimits;
    }

    void replaceClients(ClientTable table) {
        clients = table;
    }

    /** What watches the keys file for this access control; closed with it. */
    void watchedBy(AutoCloseable watch) {
        keysWatch = watch;
    }

    @Override
    public Authentication authenticate(RequestHead head) {
        ClientConfig byCertificate = head.clientCertificateSha256() == null ? null
                : clients.byCertificate().get(head.clientCertificateSha256());
        if (byCertificate != null) {
            // the TLS handshake proved the private key: stronger than any header, which is therefore not read
            return new Authenticated(new Caller(byCertificate.id(), Set.copyOf(byCertificate.roles()), head.remoteIp(),
                    "certificate", limitsOf(byCertificate)));
        }
        if (!(Credential.of(head) instanceof Credential.Presented presented)) {
            return new Rejected(AuthRefusals.MISSING_OR_BAD_KEY);
        }
        Optional<ClientConfig> byKey = clients.keys().find(presented.value());
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
        ClientConfig configured = clients.byId().get(clientId);
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
        try {
            keysWatch.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop watching the keys file", e);
        } finally {
            jwt.ifPresent(JwtVerifier::close);
        }
    }
}
