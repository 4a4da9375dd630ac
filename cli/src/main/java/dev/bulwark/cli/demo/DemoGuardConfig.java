package dev.bulwark.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The {@code guard.yaml} that {@code demo --guarded} writes: the gateway in front of the demo target's chat API,
 * with comments so a user can learn the file from it (docs/guard.md is the full reference). Nothing in it is
 * specific to the demo's weaknesses: it is the configuration a small shop would write for its own assistant.
 */
public final class DemoGuardConfig {
    /** The system prompt file the config names, relative to {@code guard.yaml}. */
    public static final String SYSTEM_PROMPT_FILE = "system-prompt.txt";
    /** The topic rail's examples file ({@link #scopeExamples}), relative to {@code guard.yaml}. */
    public static final String SCOPE_EXAMPLES_FILE = "scope-examples.txt";
    /** The audit log, relative to {@code guard.yaml}. */
    public static final String AUDIT_LOG = "guarded/audit.jsonl";
    /** The checkpoint signing key, relative to {@code guard.yaml}; its public half is {@code <it>.pub}. */
    public static final String SIGNING_KEY = "audit-signing.pem";
    /** The gateway's TLS certificate and key ({@link DemoCertificate}), next to guard.yaml. */
    public static final String TLS_CERTIFICATE = "gateway-cert.pem";
    public static final String TLS_KEY = "gateway-key.pem";
    /** The client the assessment calls as. */
    public static final String CLIENT_ID = "demo-assessment";

    private DemoGuardConfig() {
    }

    /** What the shop knows of its own assistant's system prompt: written next to guard.yaml as {@link #SYSTEM_PROMPT_FILE}. */
    public static String systemPrompt() {
        return SystemPrompt.ENGLISH + "\n";
    }

    /** What the shop says its assistant is for: written next to guard.yaml as {@link #SCOPE_EXAMPLES_FILE}. */
    public static String scopeExamples() {
        try (InputStream in = DemoGuardConfig.class.getResourceAsStream(SCOPE_EXAMPLES_FILE)) {
            if (in == null) throw new IllegalStateException("missing demo resource " + SCOPE_EXAMPLES_FILE);
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param upstream  the demo target's base URL (the gateway forwards {@code /v1/...} to it)
     * @param keySha256 hex SHA-256 of the client key the assessment uses (the key itself stays in memory)
     */
    public static String yaml(URI upstream, String keySha256) {
        if (upstream.getHost() == null || !"http".equals(upstream.getScheme())) {
            throw new IllegalArgumentException("not a demo base URL: " + upstream);
        }
        if (!keySha256.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("not a hex SHA-256");
        return """
                # guard.yaml written by `bulwark demo --guarded`: the Bulwark gateway in front of "Molly", the demo
                # support assistant. Every field is explained in docs/guard.md; what is left out keeps its default,
                # and the defaults switch every protection on. Run it yourself with: bulwark guard --config <this file>

                listen:
                  host: 127.0.0.1
                  port: 0                             # any free port ("listening on URL" tells which)
                  # TLS at the gateway, as a shop's apps would reach it; the demo made this certificate for the run
                  # and the guarded scope trusts it (tls.trustedCertificates). A shop uses its own or its CA's.
                  tls: {certificate: %8$s, privateKey: %9$s}
                admin: {enabled: false}               # /health and /metrics are not needed for a short demo run

                upstreams:
                  # The model server being protected: the demo's OpenAI-compatible chat API. A real shop puts its
                  # provider here (url: "https://api.openai.com", auth: {header: Authorization, value: "Bearer ${OPENAI_API_KEY}"}).
                  - id: molly
                    url: "%1$s"
                    flavor: openai
                    timeoutSeconds: 30

                clients:
                  # The only caller: the assessment. Only the SHA-256 of its key is stored here; the key was made
                  # for this run and handed to the scan in memory. For your apps: bulwark guard keys add NAME
                  - id: %3$s
                    keySha256: "%2$s"
                    roles: [chat]
                    # A scan sends a few hundred requests in under a minute, so the per-minute and per-day budgets are
                    # raised for it (the defaults are 60 a minute, 200000 tokens a day). The burst limit stays: at most
                    # 5 requests in any second, whatever the minute's budget.
                    limits: {requestsPerSecond: 5, requestsPerMinute: 1200, tokensPerDay: 5000000}

                roles:
                  # The customer chat may offer the model the read-only tool; refunds and deletions belong to staff
                  # tools behind another key. A request offering any other tool is refused (403 tool_not_allowed).
                  - {name: chat, routes: [chat, completions, models], tools: [lookup_order]}

                policies:
                  input:
                    maxBytes: 65536          # a support question is a few hundred bytes; larger bodies get 413
                    maxMessages: 24          # a support chat is a few turns; dozens of made-up turns is a many-shot jailbreak
                    maxTokens: 512           # max_tokens is lowered to this (or set when absent): no 100-page replies
                    injection: block         # prompts that try to override the instructions are refused
                    pii: redact              # personal data in prompts is replaced by <EMAIL>, <PHONE>, ...
                    secrets: block           # API keys and passwords are not sent to the model
                    # What Molly is for, in customers' words (%10$s, one per line): a latest turn close to none of
                    # them (nor to a greeting, thanks or a short answer) is refused as off-topic (400 off_topic). This
                    # stops a chat being walked, turn by harmless turn, into poems and games the shop never offered.
                    scope: {examplesFile: %10$s}
                  output:
                    pii: redact              # customer data in replies is replaced by placeholders
                    secrets: redact
                    # A phrase planted in the system prompt: a reply carrying it (also spelled out, spaced, or encoded
                    # in base64, hex or rot13) is withheld.
                    systemPromptCanaries: ["%4$s"]
                    # The system prompt itself: replies that copy long runs of it are withheld.
                    systemPromptFile: %5$s
                    markdownImages: strip-external   # images and links carrying data to other hosts are removed
                    html: escape                     # raw HTML and scripts in replies are shown as text, not run
                    allowLogprobs: false             # log-probabilities make model extraction cheaper
                  limits:
                    perIp: {requestsPerMinute: 1200} # the scan runs from one address (the default is 120 a minute)
                  # Names and addresses the shop publishes on purpose are left alone, e.g. the assistant's own name:
                  # piiAllowList: [Molly, hello@brightside-cycles.example]

                audit:
                  path: %6$s                  # one hash-chained record per request; bulwark audit verify checks it
                  signingKey: %7$s           # Ed25519 key signing the checkpoints, created when missing
                  text: redacted                         # prompts and replies kept with personal data and secrets replaced
                """.formatted(upstream.toString().replaceAll("/+$", ""), keySha256, CLIENT_ID, SystemPrompt.CANARY,
                SYSTEM_PROMPT_FILE, AUDIT_LOG, SIGNING_KEY, TLS_CERTIFICATE, TLS_KEY, SCOPE_EXAMPLES_FILE);
    }
}
