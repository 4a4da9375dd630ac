package dev.bulwark.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Expands {@code ${VAR}} in every string value of the tree from a given environment; {@code $${} writes a literal
 * {@code ${}. One pass only: an expanded value is never expanded again, so a variable cannot smuggle in another.
 * Keys are left alone. Problems name the field, never the value (it may be a secret).
 */
public final class EnvExpansion {
    private final Map<String, String> env;
    private final Problems problems;

    private EnvExpansion(Map<String, String> env, Problems problems) {
        this.env = env;
        this.problems = problems;
    }

    /** Expands every string value of {@code root} in place; each problem is added to {@code problems}. */
    public static void expandAll(JsonNode root, Map<String, String> env, Problems problems) {
        new EnvExpansion(env, problems).walk(root, FieldPath.ROOT);
    }

    private void walk(JsonNode node, String path) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = FieldPath.child(path, name);
                JsonNode value = object.get(name);
                if (value.isTextual()) object.set(name, expandNode(value.textValue(), child));
                else walk(value, child);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String child = FieldPath.index(path, i);
                JsonNode value = array.get(i);
                if (value.isTextual()) array.set(i, expandNode(value.textValue(), child));
                else walk(value, child);
            }
        }
    }

    private TextNode expandNode(String text, String path) {
        return TextNode.valueOf(expand(text, path));
    }

    /** The expanded text; on a problem, records it and returns the text unchanged. */
    String expand(String text, String path) {
        if (text.indexOf('$') < 0) return text;
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '$' && text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (c == '$' && text.startsWith("${", i)) {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    problems.add(path, "'${' without a closing '}' (write $${ for a literal ${)");
                    return text;
                }
                String name = text.substring(i + 2, end);
                if (!isVariableName(name)) {
                    problems.add(path, "'${" + cut(name) + "}' is not a variable name (letters, digits, _)");
                    return text;
                }
                String value = env.get(name);
                if (value == null) {
                    problems.add(path, "environment variable ${" + name + "} is not set");
                    return text;
                }
                out.append(value);
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isVariableName(String name) {
        if (name.isEmpty() || name.length() > 100) return false;
        if (!(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) return false;
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) return false;
        }
        return name.charAt(0) < 128;
    }

    private static String cut(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
