package dev.bulwark.cli;

import dev.bulwark.core.config.ConfigException;
import dev.bulwark.guard.config.AuditConfig;
import dev.bulwark.guard.config.ClientConfig;
import dev.bulwark.guard.config.GuardConfig;
import dev.bulwark.guard.config.InputPolicy;
import dev.bulwark.guard.config.KeysMerge;
import dev.bulwark.guard.config.OutputPolicy;
import dev.bulwark.guard.config.TlsConfig;
import dev.bulwark.guard.config.Upstream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * What {@code bulwark guard --check} prints for a valid config: where the gateway would listen, where it forwards,
 * who may call and what each protection does, with every default filled in — so an operator sees the defaults they
 * did not write before the gateway runs with them. Never prints a secret (upstream credentials, Redis passwords).
 */
final class GuardConfigSummary {
    private GuardConfigSummary() {
    }

    private static String clientCa(TlsConfig tls) {
        return tls.clientCa() == null ? ", any issuer, pinned fingerprints only"
                : ", signed by " + tls.clientCa().getFileName();
    }

    static void print(GuardConfig config, PrintWriter out) throws ConfigException {
        out.println(config.source() + ": valid");
        var listen = config.listen();
        String scheme = listen.tls() == null ? "http" : "https" + switch (listen.tls().clientCertificates()) {
            case OFF -> "";
            case REQUEST -> " (client certificates requested" + clientCa(listen.tls()) + ")";
            case REQUIRE -> " (client certificates required" + clientCa(listen.tls()) + ")";
        };
        String admin = config.admin().enabled() ? "admin on " + address(config.admin().host(), config.admin().port())
                : "no admin port";
        line(out, "listen", scheme + " on " + address(listen.host(), listen.port()) + " (" + admin + "); client timeouts: "
                + "body " + listen.timeouts().body().toSeconds() + " s, idle " + listen.timeouts().idle().toSeconds()
                + " s, silence " + listen.timeouts().silence().toSeconds() + " s");
        line(out, "peers", "at most " + (listen.maxConnectionsPerAddress() == 0 ? "unlimited"
                : Integer.toString(listen.maxConnectionsPerAddress())) + " connections per address; "
                + (listen.trustedProxies().isEmpty()
                        ? "no trusted proxies (" + listen.forwardedHeader().headerName() + " ignored)"
                        : "client address from " + listen.forwardedHeader().headerName() + " behind "
                                + listen.trustedProxies()));
        for (Upstream u : config.upstreams()) {
            String trust = u.trustedCertificates().isEmpty() ? ""
                    : ", trusts " + u.trustedCertificates().size() + " certificate(s) besides the system's";
            line(out, "upstream", u.id() + " -> " + u.url() + " (" + lower(u.flavor()) + ", models " + u.models()
                    + (u.auth() == null ? ", no auth header" : ", adds " + u.auth().header()) + trust + ")");
        }
        List<ClientConfig> all = KeysMerge.clients(config);
        long inConfig = config.clients().stream().filter(c -> c.keySha256() != null).count();
        long withKey = all.stream().filter(c -> c.keySha256() != null).count();
        String keysFile = config.keysFile() == null ? "no keys file" : String.valueOf(config.keysFile().getFileName());
        long withCertificate = config.clients().stream().filter(c -> c.certificateSha256() != null).count();
        line(out, "clients", withKey + " with an API key (" + inConfig + " in " + config.source().getFileName() + ", "
                + (withKey - inConfig) + " in " + keysFile + ")"
                + (withCertificate == 0 ? "" : ", " + withCertificate + " by TLS client certificate")
                + (config.jwt() == null ? "; JWT off" : "; JWT bearer tokens accepted")
                + (withKey + withCertificate == 0 && config.jwt() == null
                        ? " -- no client can call yet: bulwark guard keys add NAME" : ""));
        InputPolicy in = config.policies().input();
        line(out, "input", "injection " + lower(in.injection()) + (in.learnedModel() ? " (rules and learned model)" : " (rules)")
                + ", pii " + lower(in.pii()) + ", secrets " + lower(in.secrets()) + ", at most " + in.maxBytes() + " bytes");
        if (in.scope().on()) {
            line(out, "topics", lower(in.scope().action()) + " requests far from " + in.scope().examples().size()
                    + " example(s) of what the assistant is for (similarity below " + in.scope().threshold() + ")");
        }
        OutputPolicy o = config.policies().output();
        line(out, "output", "pii " + lower(o.pii()) + ", secrets " + lower(o.secrets()) + ", markdown images "
                + lower(o.markdownImages()) + ", html " + lower(o.html()) + ", tool calls " + lower(o.toolCalls())
                + ", " + o.systemPromptCanaries().size() + " canary(ies)"
                + (o.systemPromptFile() == null ? "" : ", system prompt file"));
        int allowed = config.policies().piiAllowList().size();
        if (allowed > 0) line(out, "allowed", allowed + " value(s) never treated as personal data (policies.piiAllowList)");
        line(out, "failure", config.policies().failClosed() ? "a scanner error refuses the request (fail closed)"
                : "a scanner error lets the request through, flagged (fail open)");
        var audit = config.audit();
        line(out, "audit", (audit.path() != null ? audit.path().toString() : "PostgreSQL")
                + ", text as " + lower(audit.text()) + ", signed checkpoint every " + audit.checkpointEvery()
                + " records" + (audit.path() == null ? "" : ", " + rotation(audit.rotation()))
                + (audit.anchorWebhook() == null ? "" : ", anchors posted to " + audit.anchorWebhook().getHost()));
        line(out, "state", lower(config.state().backend()));
        out.flush();
    }

    private static String address(String host, int port) {
        return port == 0 ? host + ", any free port" : host + ":" + port;
    }

    private static void line(PrintWriter out, String label, String text) {
        out.printf("  %-9s %s%n", label, text);
    }

    private static String rotation(AuditConfig.Rotation rotation) {
        if (!rotation.on()) return "never rotated";
        String when = rotation.maxBytes() == 0 ? "every day (UTC)" : "at " + (rotation.maxBytes() >> 20) + " MB"
                + (rotation.daily() ? " and every day (UTC)" : "");
        return "rotated " + when + ", "
                + (rotation.keepFiles() == 0 ? "every rotated file kept"
                : "the newest " + rotation.keepFiles() + " kept");
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
