package dev.bulwark.core.scope;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes a commented {@code bulwark.yaml} for what {@link ScopeDiscovery} found, or a commented starter scope when
 * it found nothing. The result always loads with {@link ScopeLoader} (given the API-key variables it names); the
 * comments explain each section so the file teaches its own format.
 */
public final class ScopeWriter {
    /** Long lists are summarised: the scope is for reading and editing, not an inventory. */
    static final int MAX_LISTED = 50;

    private ScopeWriter() {
    }

    public static String write(Discovery d) {
        Out out = new Out();
        header(out, d);
        engagement(out, d);
        Set<String> ids = new HashSet<>();
        List<String> targetIds = d.endpoints().stream().limit(MAX_LISTED)
                .map(e -> unique(ids, e.provider() + "-chat")).toList();
        rules(out, d);
        assets(out, d, ids);
        targets(out, d, targetIds);
        threatsAndBoundaries(out, targetIds);
        return out.toString();
    }

    private static void header(Out out, Discovery d) {
        out.line("# bulwark.yaml - the scope of an AI security assessment with Bulwark.");
        out.line("# Written by `bulwark init` from what " + YamlText.comment(folderName(d.root())) + " holds ("
                + d.filesExamined() + " files looked at" + (d.truncated() ? "; stopped at a limit, some were not" : "") + ").");
        out.line("# Review every line before `bulwark assess`: test only systems you own or are allowed to test.");
        out.line("# Reference: docs/scope.md. Schema: docs/bulwark.schema.json. Any value may use ${VAR} to read");
        out.line("# an environment variable (keep secrets out of this file); write $${ for a literal ${.");
        if (d.isEmpty()) {
            out.line("#");
            out.line("# Nothing to test was found here (no model files, manifests, datasets or LLM endpoints),");
            out.line("# so this is a starter scope: add your targets below.");
        }
        if (!d.models().isEmpty()) {
            out.line("#");
            out.line("# Model files found (the model-files target below scans them; `bulwark scan model PATH` does too):");
            list(out, d.models(), m -> slash(m.path()) + "  (" + m.format() + ")");
        }
        if (!d.manifests().isEmpty()) {
            out.line("#");
            out.line("# Dependency manifests found (the dependencies target below checks them; `bulwark db update`");
            out.line("# first, for the vulnerability data):");
            list(out, d.manifests(), m -> slash(m.path()) + "  (" + m.ecosystem() + ")");
        }
        out.blank();
    }

    private static void engagement(Out out, Discovery d) {
        out.line("# Who asked for the test; shown at the top of every report.");
        out.line("engagement:");
        out.line("  name: " + YamlText.quote(folderName(d.root()) + " AI assessment"));
        out.line("  # owner: \"Name <e-mail> of the person who authorised this test\"");
        out.blank();
    }

    private static void rules(Out out, Discovery d) {
        Set<String> hosts = new LinkedHashSet<>();
        d.endpoints().stream().limit(MAX_LISTED).forEach(e -> hosts.add(e.url().getHost()));
        if (hosts.isEmpty()) hosts.add("127.0.0.1");
        out.line("# Rules of engagement: what the test may do. Every request goes through a client that enforces them.");
        out.line("rules:");
        out.line("  # The only hosts ever contacted (exact host match; redirects elsewhere are not followed).");
        if (d.endpoints().stream().anyMatch(e -> !isLocal(e.url().getHost()))) {
            out.line("  # A hosted provider's API is tested at your cost and under its terms: keep it only if you mean to.");
        }
        out.line("  allowedHosts:");
        for (String h : hosts) out.line("    - " + YamlText.quote(h));
        out.line("  maxRequestsPerSecond: 5      # request rate across the whole engagement");
        out.line("  maxRequests: 1000            # request budget, retries included");
        out.line("  destructive: false           # true allows tests that could degrade the service (bursts)");
        out.line("  requestTimeoutSeconds: 30");
        out.line("  maxRetries: 3                # after errors, 429 and 503 (honours Retry-After)");
        out.line("  # window: {notBefore: \"2026-01-01T08:00:00Z\", notAfter: \"2026-01-01T18:00:00Z\"}");
        out.blank();
    }

    private static void assets(Out out, Discovery d, Set<String> ids) {
        out.line("# Assets: what is worth protecting. Classification (public, internal, confidential, restricted)");
        out.line("# drives the impact of every scenario that touches the asset: check the guesses below.");
        if (d.datasets().isEmpty() && d.models().isEmpty()) {
            out.line("assets: []");
            out.line("# e.g.  - {id: customer-data, kind: dataset, classification: confidential, description: \"CRM export\"}");
            out.blank();
            return;
        }
        out.line("assets:");
        for (Discovery.Dataset ds : d.datasets().stream().limit(MAX_LISTED).toList()) {
            String why = ds.piiColumns().isEmpty() ? "no column name suggests personal data"
                    : "columns suggesting personal data: " + String.join(", ", ds.piiColumns().stream().limit(8).toList());
            out.line("  - id: " + YamlText.quote(unique(ids, slug(ds.path()))) + "   # " + YamlText.comment(why));
            out.line("    kind: dataset");
            out.line("    classification: " + ds.classification().label());
            out.line("    description: " + YamlText.quote(ds.format() + " dataset " + slash(ds.path())
                    + (ds.columns().isEmpty() ? "" : " (" + ds.columns().size() + " columns)")));
        }
        more(out, d.datasets().size(), "datasets");
        for (Discovery.ModelFile m : d.models().stream().limit(MAX_LISTED).toList()) {
            out.line("  - id: " + YamlText.quote(unique(ids, slug(m.path()))));
            out.line("    kind: model");
            out.line("    classification: internal");
            out.line("    description: " + YamlText.quote(m.format() + " model file " + slash(m.path())));
        }
        more(out, d.models().size(), "model files");
        out.blank();
    }

    private static void targets(Out out, Discovery d, List<String> targetIds) {
        out.line("# Targets: what may be tested. llm-chat = an OpenAI-compatible chat completions endpoint;");
        out.line("# http = any endpoint taking a prompt (request template with {{prompt}}, responsePath = JSONPath).");
        out.line("# model-files / dependencies / dataset = local files scanned offline (nothing is sent anywhere).");
        if (d.endpoints().isEmpty() && d.models().isEmpty() && d.manifests().isEmpty() && d.datasets().isEmpty()) {
            out.line("targets: []");
            out.line("# e.g.");
            out.line("#  - id: support-bot");
            out.line("#    kind: llm-chat");
            out.line("#    url: \"http://127.0.0.1:8080/v1/chat/completions\"");
            out.line("#    model: \"gpt-4o-mini\"");
            out.line("#    auth: {header: Authorization, value: \"Bearer $${OPENAI_API_KEY}\"}");
            out.line("#    systemPromptCanaries: [\"a unique string planted in the system prompt\"]");
            out.line("#    assets: [customer-data]");
            out.line("#  - {id: form, kind: http, url: \"http://127.0.0.1:8080/ask\", request: '{\"q\": \"{{prompt}}\"}', responsePath: \"$.answer\"}");
            out.blank();
            return;
        }
        out.line("targets:");
        List<Discovery.Endpoint> endpoints = d.endpoints().stream().limit(MAX_LISTED).toList();
        for (int i = 0; i < endpoints.size(); i++) {
            Discovery.Endpoint e = endpoints.get(i);
            out.line("  # Found in " + YamlText.comment(slash(e.foundIn())) + " line " + e.line() + " ("
                    + YamlText.comment(e.setting()) + ").");
            out.line("  - id: " + YamlText.quote(targetIds.get(i)));
            out.line("    kind: llm-chat");
            out.line("    url: " + YamlText.quote(e.url().toString()));
            out.line("    model: " + YamlText.quote(e.model().orElse(defaultModel(e.provider())))
                    + (e.model().isPresent() ? "" : "   # a guess: set the model this endpoint serves"));
            auth(out, e);
            out.line("    # systemPromptCanaries: [\"a unique string planted in the system prompt\"]");
            out.line("    assets: []   # ids of the assets this endpoint can reach, e.g. a dataset above");
        }
        more(out, d.endpoints().size(), "endpoints");
        fileTarget(out, "model-files", "model-files", d.models().stream().map(Discovery.ModelFile::path).toList());
        fileTarget(out, "dependencies", "dependencies", d.manifests().stream().map(Discovery.Manifest::path).toList());
        fileTarget(out, "datasets", "dataset", d.datasets().stream().map(Discovery.Dataset::path).toList());
        out.blank();
    }

    /** A model-files, dependencies or dataset target over what discovery found (paths relative to the scope's folder). */
    private static void fileTarget(Out out, String id, String kind, List<Path> paths) {
        if (paths.isEmpty()) return;
        out.line("  - id: " + YamlText.quote(id));
        out.line("    kind: " + kind);
        out.line("    paths:");
        paths.stream().limit(MAX_LISTED).forEach(p -> out.line("      - " + YamlText.quote(slash(p))));
        if (paths.size() > MAX_LISTED) {
            out.line("      # ... " + (paths.size() - MAX_LISTED) + " more not listed: a folder path covers them all");
        }
    }

    private static void auth(Out out, Discovery.Endpoint e) {
        String header = switch (e.provider()) {
            case "anthropic" -> "x-api-key";
            case "azure-openai" -> "api-key";
            default -> "Authorization";
        };
        String prefix = header.equals("Authorization") ? "Bearer " : "";
        if (e.apiKeyVariable().isPresent()) {
            // Written as ${VAR}: the key is read from the environment when the scope is loaded, never stored here.
            out.line("    auth: {header: " + YamlText.quote(header) + ", value: \"" + prefix + "${" + e.apiKeyVariable().get()
                    + "}\"}   # the key is read from the environment");
        } else if (!isLocal(e.url().getHost())) {
            out.line("    # auth: {header: " + YamlText.quote(header) + ", value: \"" + prefix + "$${API_KEY_VARIABLE}\"}");
        }
    }

    private static void threatsAndBoundaries(Out out, List<String> targetIds) {
        out.line("# Who might attack: cybercrime, competitor, insider, hacktivist, nation-state.");
        out.line("threatActors: [cybercrime, insider]");
        out.blank();
        out.line("# Where trust changes, e.g. internet users reaching an assistant.");
        if (targetIds.isEmpty()) {
            out.line("trustBoundaries: []");
            out.line("# e.g.  - {from: internet, to: support-bot, description: \"anyone can chat with it\"}");
        } else {
            out.line("trustBoundaries:");
            for (String id : targetIds) {
                out.line("  - {from: internet, to: " + YamlText.quote(id) + ", description: \"who can reach this endpoint? adjust\"}");
            }
        }
    }

    private static <T> void list(Out out, List<T> items, Function<T, String> show) {
        items.stream().limit(MAX_LISTED).forEach(i -> out.line("#   " + YamlText.comment(show.apply(i))));
        if (items.size() > MAX_LISTED) out.line("#   ... and " + (items.size() - MAX_LISTED) + " more");
    }

    private static void more(Out out, int total, String what) {
        if (total > MAX_LISTED) out.line("  # ... " + (total - MAX_LISTED) + " more " + what + " not listed");
    }

    private static String defaultModel(String provider) {
        return switch (provider) {
            case "ollama" -> "llama3.2";
            case "anthropic" -> "claude-3-5-haiku-latest";
            default -> "gpt-4o-mini";
        };
    }

    private static boolean isLocal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    private static String folderName(Path root) {
        Path name = root.getFileName();
        return name == null ? "project" : name.toString();
    }

    private static String slash(Path p) {
        return p.toString().replace('\\', '/');
    }

    /** An id the schema accepts, from a file name: customers.csv -> customers. */
    static String slug(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot > 0) name = name.substring(0, dot);
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+", "");
        if (s.length() > 48) s = s.substring(0, 48);
        return s.isEmpty() ? "asset" : s;
    }

    private static String unique(Set<String> taken, String base) {
        String id = base;
        for (int n = 2; !taken.add(id); n++) id = base + "-" + n;
        return id;
    }

    /** Lines with "\n" endings, nothing else. */
    private static final class Out {
        private final StringBuilder text = new StringBuilder();

        void line(String s) {
            text.append(s).append('\n');
        }

        void blank() {
            text.append('\n');
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
