package dev.bulwark.core.scope;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Reads fields of a schema-valid tree with the documented defaults. */
final class Nodes {
    private Nodes() {
    }

    static String text(JsonNode object, String name, String fallback) {
        JsonNode v = object.get(name);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    static List<String> texts(JsonNode object, String name) {
        List<String> out = new ArrayList<>();
        JsonNode v = object.get(name);
        if (v != null) v.forEach(e -> out.add(e.asText()));
        return out;
    }

    static JsonNode array(JsonNode object, String name) {
        JsonNode v = object.get(name);
        return v == null || !v.isArray() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : v;
    }
}
