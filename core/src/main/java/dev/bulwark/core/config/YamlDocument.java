package dev.bulwark.core.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A parsed configuration file: the JSON tree plus the YAML line where each field starts, keyed by field path
 * ({@code targets[1].url}). Lines are kept beside the tree rather than in it so the plain tree can go to the schema
 * validator while every error still points at the line the user has to edit.
 */
public record YamlDocument(JsonNode root, Map<String, Integer> lines) {
    public YamlDocument {
        lines = Map.copyOf(lines);
    }

    /** The line of {@code path}, or of its nearest ancestor that has one (e.g. the parent of a missing field). */
    public int line(String path) {
        String p = path;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) return line;
            if (p.isEmpty()) return 1;
            p = FieldPath.parent(p);
        }
    }
}
