package dev.bulwark.supply.deps.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small readers for tree fields, shared by the JSON, TOML and YAML parsers. */
final class Nodes {
    private Nodes() {
    }

    /** The text of {@code node.field} when it is a scalar, else empty. */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isValueNode() && !v.isNull() ? v.asText() : "";
    }

    static Optional<String> optionalText(JsonNode node, String field) {
        String t = text(node, field);
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    static boolean flag(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && (v.isBoolean() ? v.booleanValue() : "true".equalsIgnoreCase(v.asText()));
    }

    /** Elements of an array field (an absent or non-array field gives none). */
    static List<JsonNode> array(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        var out = new ArrayList<JsonNode>();
        if (v != null && v.isArray()) v.forEach(out::add);
        return out;
    }

    /** Follows a path of object fields; a missing node when any step is absent. */
    static JsonNode path(JsonNode node, String... fields) {
        JsonNode current = node;
        for (String f : fields) current = current == null ? null : current.path(f);
        return current == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : current;
    }

    /** "sha256:…" for an algorithm and digest, the form hashes take in {@link dev.bulwark.supply.deps.Dependency}. */
    static String hash(String algorithm, String digest) {
        return algorithm.toLowerCase(java.util.Locale.ROOT) + ":" + digest;
    }
}
