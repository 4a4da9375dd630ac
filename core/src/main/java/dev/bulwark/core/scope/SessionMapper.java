package dev.bulwark.core.scope;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.core.config.FieldPath;
import dev.bulwark.core.config.Problems;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Turns an http target's {@code session:} into a {@link SessionRecipe}, checking what the schema cannot: the login
 * URL against the allow-list, the JSONPaths and header names, unique variable names, and that every
 * {@code {{name}}} the target's headers and request template use is defined by an {@code extract} entry.
 */
final class SessionMapper {
    private final TargetMapper targets;
    private final Problems problems;

    SessionMapper(TargetMapper targets, Problems problems) {
        this.targets = targets;
        this.problems = problems;
    }

    Optional<SessionRecipe> map(JsonNode node, String path, Map<String, String> targetHeaders, String request,
                                String targetPath) {
        if (node == null || node.isNull()) return Optional.empty();
        JsonNode login = node.get("login");
        String loginPath = FieldPath.child(path, "login");
        Optional<URI> url = targets.url(login.get("url").asText(), FieldPath.child(loginPath, "url"));
        Map<String, String> headers = targets.headers(login.get("headers"), FieldPath.child(loginPath, "headers"));
        List<SessionRecipe.Extract> extract = extract(node.get("extract"), FieldPath.child(path, "extract"));
        boolean cookies = node.path("cookies").asBoolean(true);
        if (extract.isEmpty() && !cookies) {
            problems.add(path, "the session keeps nothing: add an extract entry or set cookies: true");
        }
        Set<String> defined = new LinkedHashSet<>();
        extract.forEach(e -> defined.add(e.name()));
        targetHeaders.forEach((name, value) -> checkReferences(value,
                FieldPath.child(FieldPath.child(targetPath, "headers"), name), defined));
        checkReferences(request, FieldPath.child(targetPath, "request"), defined);
        if (url.isEmpty()) return Optional.empty();
        return Optional.of(new SessionRecipe(Nodes.text(login, "method", "POST").toUpperCase(Locale.ROOT), url.get(),
                Nodes.text(login, "body", ""), headers, extract, cookies));
    }

    private List<SessionRecipe.Extract> extract(JsonNode nodes, String path) {
        List<SessionRecipe.Extract> out = new ArrayList<>();
        if (nodes == null) return out;
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode e = nodes.get(i);
            String at = FieldPath.index(path, i);
            String name = e.get("name").asText();
            if (name.equals("prompt")) {
                problems.add(FieldPath.child(at, "name"), "'prompt' is the prompt's own placeholder; pick another name");
            } else if (!names.add(name)) {
                problems.add(FieldPath.child(at, "name"), "variable '" + name + "' is extracted twice");
            }
            boolean byPath = e.has("jsonPath");
            boolean byHeader = e.has("header");
            if (byPath == byHeader) {
                problems.add(at, "give exactly one of jsonPath (from the login reply's JSON body) or header");
                continue;
            }
            if (byPath) {
                targets.checkJsonPath(e.get("jsonPath").asText(), FieldPath.child(at, "jsonPath"));
                out.add(new SessionRecipe.Extract(name, SessionRecipe.Source.JSON_PATH, e.get("jsonPath").asText()));
            } else {
                out.add(new SessionRecipe.Extract(name, SessionRecipe.Source.HEADER, e.get("header").asText()));
            }
        }
        return out;
    }

    private void checkReferences(String template, String path, Set<String> defined) {
        Matcher m = SessionRecipe.REFERENCE.matcher(template);
        while (m.find()) {
            String name = m.group(1);
            if (!name.equals("prompt") && !defined.contains(name)) {
                problems.add(path, "uses {{" + name + "}}, which session.extract does not define"
                        + (defined.isEmpty() ? "" : " (defined: " + String.join(", ", defined) + ")"));
            }
        }
    }
}
