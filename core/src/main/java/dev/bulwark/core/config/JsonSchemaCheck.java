package dev.bulwark.core.config;

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
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Validates a parsed file against a published JSON Schema (draft 2020-12; e.g. {@code docs/bulwark.schema.json},
 * copied onto the classpath by the build so there is one source) and rewrites the validator's messages into short,
 * actionable ones with the field path users know. The schema is read and compiled on first use, once.
 */
public final class JsonSchemaCheck {
    private final Class<?> anchor;
    private final String resource;
    private final Function<String, String> enumNoun;
    private volatile Compiled compiled;

    private JsonSchemaCheck(Class<?> anchor, String resource, Function<String, String> enumNoun) {
        this.anchor = anchor;
        this.resource = resource;
        this.enumNoun = enumNoun;
    }

    /** The schema at {@code resource}, resolved like {@link Class#getResourceAsStream} of {@code anchor}. */
    public static JsonSchemaCheck fromResource(Class<?> anchor, String resource) {
        return new JsonSchemaCheck(anchor, resource, JsonSchemaCheck::defaultEnumNoun);
    }

    /**
     * The same schema, naming what an unknown enum value is by field path ("unknown target kind 'grpc'") instead of
     * the default ("unknown kind" for a {@code .kind} field, else "unknown value").
     */
    public JsonSchemaCheck withEnumNoun(Function<String, String> noun) {
        return new JsonSchemaCheck(anchor, resource, noun);
    }

    /** The default noun of an unknown enum value at {@code path}. */
    public static String defaultEnumNoun(String path) {
        return path.endsWith(".kind") ? "kind" : "value";
    }

    public String resource() {
        return resource;
    }

    /** Adds a problem per schema violation of {@code document} to {@code problems}. */
    public void validate(YamlDocument document, Problems problems) {
        for (ValidationMessage m : compiled().schema().validate(document.root())) {
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
    public JsonNode tree() {
        return compiled().tree();
    }

    private static String unknownField(String name, List<String> allowed) {
        String hint = allowed.stream().filter(a -> Suggest.close(a, name)).findFirst()
                .map(a -> "; did you mean '" + a + "'?").orElse("");
        return "unknown field '" + cut(name) + "'" + hint
                + (allowed.isEmpty() ? "" : " (allowed: " + String.join(", ", allowed) + ")");
    }

    private String unknownValue(String path, JsonNode value, JsonNode allowed) {
        String options = StreamSupport.stream(allowed.spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.joining(", "));
        String what = "unknown " + enumNoun.apply(path);
        String shown = value != null && value.isValueNode() ? "'" + cut(value.asText()) + "'" : "(not a plain value)";
        return what + " " + shown + "; expected one of: " + options;
    }

    /** The names the failing {@code additionalProperties} sits next to, looked up in the schema tree. */
    private List<String> allowedFields(ValidationMessage m) {
        JsonNode tree = tree();
        String fragment = m.getSchemaLocation().getFragment().toString();
        JsonNode node = tree.at(fragment.startsWith("/") ? fragment : "/" + fragment);
        String parentPointer = fragment.substring(0, Math.max(0, fragment.lastIndexOf('/')));
        JsonNode properties = tree.at(parentPointer + "/properties");
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
    private Compiled compiled() {
        Compiled c = compiled;
        if (c == null) {
            synchronized (this) {
                c = compiled;
                if (c == null) compiled = c = Compiled.load(anchor, resource);
            }
        }
        return c;
    }

    private record Compiled(JsonNode tree, JsonSchema schema) {
        static Compiled load(Class<?> anchor, String resource) {
            JsonNode tree;
            try (InputStream in = anchor.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException(resource + " is missing from the classpath");
                tree = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
            JsonSchema schema = factory.getSchema(tree, SchemaValidatorsConfig.builder().build());
            schema.initializeValidators();
            return new Compiled(tree, schema);
        }
    }
}
