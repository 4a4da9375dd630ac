package dev.bulwark.guard.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns {@code policies:} into {@link Policies}, every field left out taking its {@link GuardDefaults} value. */
final class PolicyMapper {
    /** As {@code dev.bulwark.detect.scope.TopicScope} takes them (config reads YAML; it does not load detectors). */
    static final int MAX_SCOPE_EXAMPLES = 2_000;
    static final int MAX_SCOPE_EXAMPLE_CHARS = 500;
    private static final long MAX_SCOPE_EXAMPLES_FILE = 1 << 20;

    private PolicyMapper() {
    }

    static Policies map(Fields policies) {
        Fields limits = policies.object("limits");
        return new Policies(input(policies.object("input")), output(policies.object("output")),
                extraction(policies.object("extraction")), cors(policies.object("cors")),
                limits(limits.object("default"), GuardDefaults.CLIENT_LIMITS),
                limits(limits.object("global"), GuardDefaults.GLOBAL_LIMITS),
                limits(limits.object("perIp"), GuardDefaults.PER_IP_LIMITS),
                policies.bool("failClosed", GuardDefaults.FAIL_CLOSED), policies.texts("piiAllowList", List.of()));
    }

    /** {@code limits} over {@code base}: a field left out keeps the base's value, an explicit null means no limit. */
    static Limits limits(Fields limits, Limits base) {
        return new Limits(limits.optionalInt("requestsPerMinute", base.requestsPerMinute()),
                limits.optionalInt("requestsPerDay", base.requestsPerDay()),
                limits.optionalLong("tokensPerMinute", base.tokensPerMinute()),
                limits.optionalLong("tokensPerDay", base.tokensPerDay()),
                limits.optionalInt("maxConcurrent", base.maxConcurrent()),
                limits.optionalInt("requestsPerSecond", base.requestsPerSecond()));
    }

    private static InputPolicy input(Fields in) {
        InputPolicy d = GuardDefaults.INPUT;
        return new InputPolicy(in.integer("maxBytes", d.maxBytes()), in.integer("maxMessages", d.maxMessages()),
                in.optionalInt("maxTokens", d.maxTokens()), in.choice("injection", Action.class, d.injection()),
                in.decimal("injectionThreshold", d.injectionThreshold()), in.bool("learnedModel", d.learnedModel()),
                in.bool("modelTriage", d.modelTriage()),
                in.choice("pii", Action.class, d.pii()), in.choice("secrets", Action.class, d.secrets()),
                scope(in.object("scope")));
    }

    /** Examples from the list and the file, in that order; {@code action} without any is a mistake worth saying. */
    private static ScopePolicy scope(Fields scope) {
        var examples = new ArrayList<>(scope.texts("examples", List.of()));
        if (scope.has("examplesFile")) {
            examples.addAll(scope.lines("examplesFile", MAX_SCOPE_EXAMPLES_FILE, MAX_SCOPE_EXAMPLE_CHARS));
        }
        Action action = scope.choice("action", Action.class, examples.isEmpty() ? Action.OFF : Action.BLOCK);
        if (action == Action.REDACT || action == Action.PSEUDONYMIZE) {
            scope.problem("action", "a topic rail can block, flag or be off");
        } else if (action != Action.OFF && examples.isEmpty()) {
            scope.problem("examples", "the topic rail needs examples of what the assistant is for"
                    + " (examples or examplesFile), or action: off");
        } else if (examples.size() > MAX_SCOPE_EXAMPLES) {
            scope.problem("examples", "at most " + MAX_SCOPE_EXAMPLES + " examples, not " + examples.size());
        }
        return new ScopePolicy(action, examples, scope.decimal("threshold", GuardDefaults.SCOPE_THRESHOLD));
    }

    private static OutputPolicy output(Fields out) {
        OutputPolicy d = GuardDefaults.OUTPUT;
        return new OutputPolicy(out.choice("pii", Action.class, d.pii()), out.choice("secrets", Action.class, d.secrets()),
                out.texts("systemPromptCanaries", d.systemPromptCanaries()),
                out.has("systemPromptFile") && !out.isNull("systemPromptFile") ? out.existingFile("systemPromptFile") : null,
                out.choice("markdownImages", OutputPolicy.ImageAction.class, d.markdownImages()),
                out.texts("allowedImageHosts", d.allowedImageHosts()).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList(),
                out.choice("html", OutputPolicy.HtmlAction.class, d.html()), out.bool("allowLogprobs", d.allowLogprobs()),
                out.choice("toolCalls", OutputPolicy.ToolCallAction.class, d.toolCalls()));
    }

    private static ExtractionPolicy extraction(Fields ex) {
        ExtractionPolicy d = GuardDefaults.EXTRACTION;
        return new ExtractionPolicy(ex.bool("enabled", d.enabled()), ex.duration("window", d.window()),
                ex.integer("maxRequests", d.maxRequests()), ex.decimal("minDistinctRatio", d.minDistinctRatio()),
                ex.integer("minSample", d.minSample()), ex.decimal("maxProbeScore", d.maxProbeScore()),
                ex.choice("action", ExtractionPolicy.ExtractionAction.class, d.action()));
    }

    private static CorsPolicy cors(Fields cors) {
        List<String> origins = cors.texts("allowedOrigins", List.of());
        List<String> normalised = new ArrayList<>();
        for (int i = 0; i < origins.size(); i++) {
            String origin = origin(origins.get(i));
            if (origin == null) {
                cors.problem("allowedOrigins[" + i + "]", "not an origin: write scheme://host[:port], "
                        + "e.g. https://app.example.com (no path, no wildcard)");
            } else {
                normalised.add(origin);
            }
        }
        return new CorsPolicy(normalised);
    }

    /** {@code scheme://host[:port]} in lower case, or null when {@code text} is not exactly an http(s) origin. */
    private static String origin(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                    && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) return null;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
