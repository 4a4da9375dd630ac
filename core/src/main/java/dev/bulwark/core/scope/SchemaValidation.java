package dev.bulwark.core.scope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Validates a parsed scope against the published schema ({@code docs/bulwark.schema.json}, copied onto the
 * classpath by the build so there is one source) and rewrites the validator's messages into short, actionable ones
 * with the field path users know.
 */
final class SchemaValidation {
    static final String RESOURCE = "bulwark.schema.json";

    private SchemaValidation() {
    }

    static void validate(YamlDocument document, Problems problems) {
        for (ValidationMessage m : Holder.SCHEMA.validate(document.root())) {
            String path = path(m.getInstanceLocation());
            switch (m.getType()) {
                case "required" -> problems.addAt(FieldPath.child(path, m.getProperty()), path, "missing required field");
                case "additionalProperties" -> problems.add(FieldPath.child(path, m.getProperty()),
                        unknownField(m.getProperty(), allowedFields(m)));
                case "enum" -> problems.add(path, unknownValue(path, m.getInstanceNode(), m.getSchemaNode()));
                case "type" -> problems.add(path, "expected " + typeName(arg(m, 1)) + ", found " + typeName(arg(m, 0)));
                case "propertyNames" -> problems.add(FieldPath.child(path, m.getProperty()),
                        "not a valid name (letters, digits and !#$%&'*+.^_`|~- only)");
                case "pattern" -> problems.add(path, "'" + cut(m.getInstanceNode().asText()) + "' must match "
                        + m.getSchemaNode().asText());
                case "uniqueItems" -> problems.add(path, "contains the same value twice");
                default -> problems.add(path, stripLocation(m.getMessage()));
            }
        }
    }

    /** The schema tree itself, for docs tests and for listing allowed fields. */
    static JsonNode schemaTree() {
        return Holder.TREE;
    }

    private static String unknownField(String name, List<String> allowed) {
        String hint = allowed.stream().filter(a -> Suggest.close(a, name)).findFirst()
                .map(a -> "; did you mean '" + a + "'?").orElse("");
        return "unknown field '" + cut(name) + "'" + hint
                + (allowed.isEmpty() ? "" : " (allowed: " + String.join(", ", allowed) + ")");
    }

    private static String unknownValue(String path, JsonNode value, JsonNode allowed) {
        String options = StreamSupport.stream(allowed.spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.joining(", "));
        String what = path.endsWith(".kind") && path.startsWith("targets[") ? "unknown target kind"
                : path.endsWith(".kind") ? "unknown kind" : "unknown value";
        String shown = value != null && value.isValueNode() ? "'" + cut(value.asText()) + "'" : "(not a plain value)";
        return what + " " + shown + "; expected one of: " + options;
    }

    /** The names the failing {@code additionalProperties} sits next to, looked up in the schema tree. */
    private static List<String> allowedFields(ValidationMessage m) {
        String fragment = m.getSchemaLocation().getFragment().toString();
        JsonNode node = Holder.TREE.at(fragment.startsWith("/") ? fragment : "/" + fragment);
        String parentPointer = fragment.substring(0, Math.max(0, fragment.lastIndexOf('/')));
        JsonNode properties = Holder.TREE.at(parentPointer + "/properties");
        List<String> names = new ArrayList<>();
        if (!node.isMissingNode()) properties.fieldNames().forEachRemaining(names::add);
        names.sort(Comparator.naturalOrder());
        return names;
    }

    private static String path(JsonNodePath location) {
        String path = FieldPath.ROOT;
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            path = element instanceof Integer index ? FieldPath.index(path, index) : FieldPath.child(path, element.toString());
        }
        return path;
    }

    private static String arg(ValidationMessage m, int i) {
        Object[] args = m.getArguments();
        return args != null && args.length > i ? String.valueOf(args[i]) : "?";
    }

    private static String typeName(String jsonType) {
        return switch (jsonType) {
            case "object" -> "a mapping (key: value)";
            case "array" -> "a list";
            case "string" -> "a string";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "null" -> "nothing (null)";
            default -> jsonType;
        };
    }

    private static String stripLocation(String message) {
        int colon = message.indexOf(": ");
        return colon >= 0 && (message.startsWith("/") || message.startsWith(": ")) ? message.substring(colon + 2) : message;
    }

    private static String cut(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /** Loaded once: the schema is part of the build, so failing to load it is a build bug, not a user error. */
    private static final class Holder {
        static final JsonNode TREE = readTree();
        static final JsonSchema SCHEMA = compile();

        private static JsonNode readTree() {
            try (InputStream in = SchemaValidation.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the classpath");
                return new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static JsonSchema compile() {
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
            JsonSchema schema = factory.getSchema(TREE, SchemaValidatorsConfig.builder().build());
            schema.initializeValidators();
            return schema;
        }
    }
}
