package dev.bulwark.guard.config;

import dev.bulwark.core.config.FieldPath;
import dev.bulwark.core.config.Problems;
import dev.bulwark.core.config.YamlDocument;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a schema-valid, expanded {@code guard.yaml} tree into {@link GuardConfig}: fills every default and checks
 * what the schema cannot (URLs, files, references, uniqueness). Problems are collected, not thrown.
 */
final class GuardMapper {
    private static final Set<String> HTTP = Set.of("http", "https");

    private GuardMapper() {
    }

    static GuardConfig map(Path source, YamlDocument document, Problems problems) {
        Path base = source.toAbsolutePath().normalize().getParent();
        Fields root = new Fields(document.root(), FieldPath.ROOT, new Fields.Context(problems, base));
        List<Upstream> upstreams = upstreams(root.list("upstreams"));
        Listen listen = listen(root.object("listen"), upstreams);
        Admin admin = admin(root.object("admin"), listen);
        List<RoleConfig> roles = AccessMapper.roles(root.list("roles"));
        JwtConfig jwt = root.has("jwt") ? AccessMapper.jwt(root.object("jwt")) : null;
        Policies policies = PolicyMapper.map(root.object("policies"));
        Set<String> roleNames = new LinkedHashSet<>();
        roles.forEach(r -> roleNames.add(r.name()));
        boolean certificates = listen.tls() != null
                && listen.tls().clientCertificates() != TlsConfig.ClientCertificates.OFF;
        List<ClientConfig> clients = AccessMapper.clients(root.list("clients"), roleNames, policies.defaultLimits(),
                jwt != null, certificates);
        return new GuardConfig(source, listen, admin, upstreams, clients,
                root.path("keysFile", GuardDefaults.KEYS_FILE), roles, jwt, policies, audit(root.object("audit")),
                state(root.object("state")), new AlertsConfig(root.object("alerts").url("webhook", HTTP, false)));
    }

    private static Listen listen(Fields listen, List<Upstream> upstreams) {
        TlsConfig tls = null;
        if (listen.has("tls")) {
            Fields t = listen.object("tls");
            var clientCertificates = t.choice("clientCertificates", TlsConfig.ClientCertificates.class,
                    TlsConfig.ClientCertificates.OFF);
            Path clientCa = t.has("clientCa") ? t.existingFile("clientCa") : null;
            if (clientCa != null && clientCertificates == TlsConfig.ClientCertificates.OFF) {
                t.problem("clientCa", "only used with clientCertificates: request or require");
            }
            tls = new TlsConfig(t.existingFile("certificate"), t.existingFile("privateKey"), clientCertificates,
                    clientCa);
        }
        Fields t = listen.object("timeouts");
        ClientTimeouts d = ClientTimeouts.DEFAULTS;
        // a reply that is not streamed is silent until it is whole: the silence limit must outlast every upstream's
        Duration slowest = upstreams.stream().map(Upstream::timeout).filter(Objects::nonNull).max(Duration::compareTo)
                .orElse(Duration.ZERO);
        Duration enough = slowest.plusSeconds(30);
        Duration silence = t.seconds("silenceSeconds", enough.compareTo(d.silence()) > 0 ? enough : d.silence());
        if (silence.compareTo(slowest) <= 0) {
            t.problem("silenceSeconds", "must be longer than the slowest upstream's timeoutSeconds (" + slowest.toSeconds()
                    + "), or replies that take that long are cut off");
        }
        var timeouts = new ClientTimeouts(silence, t.seconds("bodySeconds", d.body()), t.seconds("idleSeconds", d.idle()));
        return new Listen(listen.text("host", GuardDefaults.HOST), listen.integer("port", GuardDefaults.PORT), tls,
                timeouts, listen.addressBlocks("trustedProxies"),
                listen.choice("forwardedHeader", ForwardedHeader.class, ForwardedHeader.X_FORWARDED_FOR),
                listen.integer("maxConnectionsPerAddress", GuardDefaults.MAX_CONNECTIONS_PER_ADDRESS));
    }

    private static Admin admin(Fields admin, Listen listen) {
        // a gateway taking any free port takes any free admin port too: two of them on one host must not collide
        int defaultPort = listen.port() == 0 ? 0 : GuardDefaults.ADMIN_PORT;
        Admin a = new Admin(admin.bool("enabled", true), admin.text("host", GuardDefaults.HOST),
                admin.integer("port", defaultPort));
        if (a.enabled() && a.port() != 0 && a.port() == listen.port() && a.host().equals(listen.host())) {
            admin.problem("port", "the same port as listen.port; metrics must not be reachable by clients");
        }
        return a;
    }

    private static List<Upstream> upstreams(List<Fields> entries) {
        List<Upstream> upstreams = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (Fields u : entries) {
            String id = u.text("id", "");
            String earlier = ids.putIfAbsent(id, u.path());
            if (earlier != null) u.problem("id", "duplicate upstream id '" + id + "' (also " + earlier + ")");
            Upstream.Flavor flavor = u.choice("flavor", Upstream.Flavor.class, Upstream.Flavor.OPENAI);
            URI url = u.url("url", HTTP, false);
            upstreams.add(new Upstream(id, url, flavor, auth(u.object("auth"), u.has("auth")),
                    u.texts("models", GuardDefaults.ANY_MODEL), u.seconds("timeoutSeconds", GuardDefaults.UPSTREAM_TIMEOUT),
                    u.text("apiVersion", flavor == Upstream.Flavor.AZURE ? GuardDefaults.AZURE_API_VERSION : null),
                    trustedCertificates(u.object("tls"), url)));
        }
        return upstreams;
    }

    private static List<X509Certificate> trustedCertificates(Fields tls, URI url) {
        List<X509Certificate> certificates = tls.certificates("trustedCertificates");
        if (!certificates.isEmpty() && url != null && !"https".equalsIgnoreCase(url.getScheme())) {
            // trust for a plain-http upstream would be silently unused: the operator meant https
            tls.problem("trustedCertificates", "only used with an https url (the upstream's url is " + url.getScheme() + ")");
        }
        return certificates;
    }

    private static HeaderValue auth(Fields auth, boolean present) {
        if (!present) return null;
        String value = auth.text("value", "");
        // Checked after ${VAR} expansion: a variable holding a line break would otherwise inject headers.
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            auth.problem("value", "contains a line break or control character (check the environment variable)");
        } else if (value.isBlank()) {
            auth.problem("value", "is empty (check the environment variable)");
        }
        return new HeaderValue(auth.text("header", ""), value);
    }

    private static AuditConfig audit(Fields audit) {
        Path path = audit.isNull("path") ? null : audit.path("path", GuardDefaults.AUDIT_FILE);
        String postgres = audit.text("postgresUrl", null);
        if (postgres != null && !postgres.startsWith("jdbc:postgresql:")) {
            audit.problem("postgresUrl", "must be a jdbc:postgresql:// URL");
        }
        if (path == null && postgres == null && audit.isNull("path")) {
            audit.problem("path", "the audit log needs a path or a postgresUrl");
        }
        return new AuditConfig(path, postgres, audit.path("signingKey", GuardDefaults.AUDIT_SIGNING_KEY),
                audit.integer("checkpointEvery", GuardDefaults.AUDIT_CHECKPOINT_EVERY),
                audit.choice("text", AuditConfig.TextMode.class, AuditConfig.TextMode.HASH),
                audit.text("instanceId", null),
                new AuditConfig.Rotation((long) audit.integer("rotateMegabytes", GuardDefaults.AUDIT_ROTATE_MEGABYTES) << 20,
                        audit.integer("keepFiles", 0), audit.bool("rotateDaily", false)),
                audit.url("anchorWebhook", HTTP, false));
    }

    private static StateConfig state(Fields state) {
        StateConfig.Backend backend = state.choice("backend", StateConfig.Backend.class, StateConfig.Backend.MEMORY);
        String given = state.text("redisUrl", null);
        URI redis = state.url("redisUrl", Set.of("redis", "rediss"), true);
        if (backend == StateConfig.Backend.REDIS && given == null) {
            state.problem("redisUrl", "missing: backend redis needs redisUrl (e.g. redis://127.0.0.1:6379)");
        } else if (backend == StateConfig.Backend.MEMORY && given != null) {
            state.problem("redisUrl", "only used with backend: redis");
        }
        return new StateConfig(backend, redis);
    }
}
