package dev.bulwark.supply.deps.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A JSON or YAML document as a Jackson tree that remembers the line each object and array starts on, so findings
 * and errors can point at it. Built from the streaming parser with the nesting bounded; YAML aliases are kept as
 * the parser reports them (no expansion beyond what the stream yields) and the node count is bounded, so an
 * alias bomb is refused.
 */
final class LocatedTree {
    private final JsonNode root;
    private final Map<JsonNode, Integer> lines;

    private LocatedTree(JsonNode root, Map<JsonNode, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    JsonNode root() {
        return root;
    }

    /** 1-based line where {@code node} starts (for a string, the line of its text); 0 when unknown. */
    int line(JsonNode node) {
        Integer line = node == null ? null : lines.get(node);
        return line == null ? 0 : line;
    }

    static LocatedTree parse(JsonFactory factory, Path file, String text, ManifestLimits limits)
            throws ManifestException, IOException {
        factory = factory.copy().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNesting()).maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()))
                .build());
        long maxNodes = Math.max(1_000, limits.maxFileBytes() / 2);
        var lines = new IdentityHashMap<JsonNode, Integer>();
        var nodes = JsonNodeFactory.instance;
        try (JsonParser p = factory.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) return new LocatedTree(nodes.missingNode(), lines);
            var stack = new ArrayDeque<JsonNode>();
            var names = new ArrayDeque<String>();
            JsonNode root = null;
            long count = 0;
            for (JsonToken t = first; t != null; t = p.nextToken()) {
                if (++count > maxNodes) throw new ManifestException(file, line(p), "", "more than " + maxNodes + " values");
                if (t == JsonToken.FIELD_NAME) {
                    names.push(p.currentName());
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    JsonNode done = stack.pop();
                    if (stack.isEmpty()) root = done;
                    continue;
                }
                JsonNode value = switch (t) {
                    case START_OBJECT -> nodes.objectNode();
                    case START_ARRAY -> nodes.arrayNode();
                    case VALUE_STRING -> nodes.textNode(p.getText());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> nodes.textNode(p.getText());
                    case VALUE_TRUE -> nodes.booleanNode(true);
                    case VALUE_FALSE -> nodes.booleanNode(false);
                    case VALUE_NULL -> nodes.nullNode();
                    default -> nodes.textNode(p.getText() == null ? "" : p.getText());
                };
                lines.put(value, line(p)); // shared singletons (booleans, "") keep their last line: unused
                if (stack.isEmpty()) {
                    if (!value.isContainerNode()) return new LocatedTree(value, lines);
                } else if (stack.peek() instanceof ObjectNode obj) {
                    obj.set(names.pop(), value);
                } else {
                    ((ArrayNode) stack.peek()).add(value);
                }
                if (value.isContainerNode()) stack.push(value);
            }
            if (root == null) throw new ManifestException(file, 0, "", "unexpected end of file");
            return new LocatedTree(root, lines);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ManifestException(file, Math.max(line, 0), "", "not valid: " + e.getOriginalMessage(), e);
        }
    }

    private static int line(JsonParser p) {
        var loc = p.currentTokenLocation();
        return loc == null ? 0 : Math.max(0, loc.getLineNr());
    }
}
