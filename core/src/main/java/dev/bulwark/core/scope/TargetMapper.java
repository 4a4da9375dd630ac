package dev.bulwark.core.scope;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.JsonPath;
import dev.bulwark.core.config.FieldPath;
import dev.bulwark.core.config.Problems;
import dev.bulwark.core.config.YamlReader;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one entry of {@code targets:} into its record, checking what the schema cannot: the URL and its host
 * against the allow-list, asset references, the request template, the JSONPath and header names the HTTP client
 * would refuse.
 */
final class TargetMapper {
    /** Headers the JDK client sets itself and refuses to take from a caller. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final RulesOfEngagement rules;
    private final Set<String> assetIds;
    private final Problems problems;
    private final Path base;

    TargetMapper(RulesOfEngagement rules, Set<String> assetIds, Problems problems, Path base) {
        this.rules = rules;
        this.assetIds = assetIds;
        this.problems = problems;
        this.base = base;
    }

    Optional<Target> map(JsonNode node, String path) {
        String id = node.get("id").asText();
        String kind = node.get("kind").asText();
        if (kind.equals(Target.TargetKind.MODEL_FILES.id()) || kind.equals(Target.TargetKind.DEPENDENCIES.id())
                || kind.equals(Target.TargetKind.DATASET.id())) {
            return fileTarget(node, path, id, kind);
        }
        Optional<URI> url = url(node.get("url").asText(), FieldPath.child(path, "url"));
        Optional<Auth> auth = auth(node.get("auth"), FieldPath.child(path, "auth"));
        List<String> canaries = Nodes.texts(node, "systemPromptCanaries");
        List<String> assets = assets(node, FieldPath.child(path, "assets"));
        if (url.isEmpty()) return Optional.empty();
        if (node.get("kind").asText().equals(Target.TargetKind.LLM_CHAT.id())) {
            return Optional.of(new LlmChatTarget(id, url.get(), node.get("model").asText(), auth, canaries, assets,
                    ChatTargetFields.tools(node, FieldPath.child(path, "tools"), problems),
                    ChatTargetFields.maxTokens(node), ChatTargetFields.prices(node),
                    node.path("stream").asBoolean(false)));
        }
        String request = Nodes.text(node, "request", HttpTarget.DEFAULT_REQUEST);
        if (!request.contains(HttpTarget.PROMPT_PLACEHOLDER)) {
            problems.add(FieldPath.child(path, "request"),
                    "the request template must contain " + HttpTarget.PROMPT_PLACEHOLDER + " where the prompt goes");
        }
        String responsePath = Nodes.text(node, "responsePath", HttpTarget.DEFAULT_RESPONSE_PATH);
        checkJsonPath(responsePath, FieldPath.child(path, "responsePath"));
        Map<String, String> headers = headers(node.get("headers"), FieldPath.child(path, "headers"));
        auth.ifPresent(a -> headers.keySet().stream().filter(h -> h.equalsIgnoreCase(a.header())).findFirst()
                .ifPresent(h -> problems.add(FieldPath.child(FieldPath.child(path, "headers"), h),
                        "set twice: also in auth.header (keep credentials in auth only)")));
        Optional<SessionRecipe> session = new SessionMapper(this, problems)
                .map(node.get("session"), FieldPath.child(path, "session"), headers, request, path);
        return Optional.of(new HttpTarget(id, url.get(), Nodes.text(node, "method", HttpTarget.DEFAULT_METHOD), request,
                responsePath, headers, auth, canaries, assets, node.path("stream").asBoolean(false), session));
    }

    /** model-files, dependencies, dataset: local paths, which must exist (a typo would otherwise scan nothing). */
    private Optional<Target> fileTarget(JsonNode node, String path, String id, String kind) {
        List<String> assets = assets(node, FieldPath.child(path, "assets"));
        List<Path> paths = new java.util.ArrayList<>();
        List<String> written = Nodes.texts(node, "paths");
        for (int i = 0; i < written.size(); i++) {
            Path resolved = base.resolve(written.get(i)).normalize();
            if (!java.nio.file.Files.exists(resolved)) {
                problems.add(FieldPath.index(FieldPath.child(path, "paths"), i), "no such file or folder: " + resolved);
            } else {
                paths.add(resolved);
            }
        }
        if (kind.equals(Target.TargetKind.MODEL_FILES.id())) {
            Optional<Path> verifyKey = Optional.empty();
            if (node.hasNonNull("verifyKey")) {
                Path key = base.resolve(node.get("verifyKey").asText()).normalize();
                if (!java.nio.file.Files.isRegularFile(key)) {
                    problems.add(FieldPath.child(path, "verifyKey"), "no such file: " + key);
                } else {
                    verifyKey = Optional.of(key);
                }
            }
            return Optional.of(new ModelFilesTarget(id, paths, node.path("strict").asBoolean(false), verifyKey, assets));
        }
        if (kind.equals(Target.TargetKind.DATASET.id())) {
            return Optional.of(new DatasetTarget(id, paths, Nodes.texts(node, "quasiIdentifiers"),
                    Optional.ofNullable(node.get("sensitive")).map(JsonNode::asText),
                    Optional.ofNullable(node.get("label")).map(JsonNode::asText),
                    node.path("sampleRows").asLong(DatasetTarget.DEFAULT_SAMPLE_ROWS), assets));
        }
        return Optional.of(new DependenciesTarget(id, paths, assets));
    }

    Optional<URI> url(String text, String path) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            problems.add(path, "not a valid URL: " + e.getReason());
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            problems.add(path, "must be an http:// or https:// URL" + (scheme.isEmpty() ? "" : ", not " + scheme + ":"));
            return Optional.empty();
        }
        if (uri.getRawUserInfo() != null) {
            problems.add(path, "credentials in the URL would end up in reports; put them in auth");
            return Optional.empty();
        }
        if (uri.getHost() == null) {
            problems.add(path, "the URL has no valid host name");
            return Optional.empty();
        }
        if (!rules.allows(uri.getHost())) {
            problems.add(path, "host '" + uri.getHost() + "' is not in rules.allowedHosts " + rules.allowedHosts()
                    + "; add it there only if you may test it");
            return Optional.empty();
        }
        return Optional.of(uri);
    }

    Optional<Auth> auth(JsonNode node, String path) {
        if (node == null) return Optional.empty();
        String header = node.get("header").asText();
        String value = node.get("value").asText();
        checkHeader(header, value, FieldPath.child(path, "header"), FieldPath.child(path, "value"));
        return Optional.of(new Auth(header, value));
    }

    Map<String, String> headers(JsonNode node, String path) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (node == null) return headers;
        node.properties().forEach(e -> {
            String field = FieldPath.child(path, e.getKey());
            checkHeader(e.getKey(), e.getValue().asText(), field, field);
            headers.put(e.getKey(), e.getValue().asText());
        });
        return headers;
    }

    void checkHeader(String name, String value, String namePath, String valuePath) {
        if (RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            problems.add(namePath, "'" + name + "' is set by the HTTP client and cannot be given");
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            problems.add(valuePath, "a header value cannot contain line breaks (check the variables it uses)");
        }
    }

    private List<String> assets(JsonNode node, String path) {
        List<String> refs = Nodes.texts(node, "assets");
        for (int i = 0; i < refs.size(); i++) {
            if (!assetIds.contains(refs.get(i))) {
                problems.add(FieldPath.index(path, i), "unknown asset '" + refs.get(i) + "'"
                        + (assetIds.isEmpty() ? "; no assets are defined" : "; defined assets: " + String.join(", ", assetIds)));
            }
        }
        return refs;
    }

    void checkJsonPath(String responsePath, String path) {
        if (!responsePath.startsWith("$")) {
            problems.add(path, "a JSONPath starts with $ (e.g. $.answer or $.choices[0].text)");
            return;
        }
        try {
            JsonPath.compile(responsePath);
        } catch (RuntimeException e) {
            problems.add(path, "not a valid JSONPath (e.g. $.answer or $.choices[0].text): " + YamlReader.firstLine(e));
        }
    }
}
