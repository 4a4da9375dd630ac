package dev.bulwark.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads YAML text into a {@link YamlDocument} from the token stream, so it can record the line of every field,
 * reject what Jackson's tree reader would silently accept (duplicate keys, aliases, several documents) and stop a
 * hostile file early (nesting depth, node count). Never resolves tags or instantiates anything.
 */
public final class YamlReader {
    public static final int MAX_DEPTH = 32;
    public static final int MAX_NODES = 100_000;

    private static final YAMLFactory FACTORY = factory();

    private final Path file;
    private final ConfigFormat format;
    private final JsonParser parser;
    private final Map<String, Integer> lines = new HashMap<>();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private String lastPath = FieldPath.ROOT;
    private int lastLine = 1;
    private int nodeCount;

    private YamlReader(Path file, ConfigFormat format, JsonParser parser) {
        this.file = file;
        this.format = format;
        this.parser = parser;
    }

    /** Parses {@code text} as read from {@code file}; a leading byte-order mark is ignored. */
    public static YamlDocument read(Path file, String text, ConfigFormat format) throws ConfigException {
        String yaml = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (JsonParser parser = FACTORY.createParser(yaml)) {
            return new YamlReader(file, format, parser).document();
        } catch (ConfigException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Closing a half-read parser can fail too; what matters is the first error, reported by document().
            throw new ConfigException(file, 1, FieldPath.display(FieldPath.ROOT), "cannot read YAML: " + firstLine(e));
        }
    }

    private YamlDocument document() throws ConfigException {
        JsonToken first = next();
        if (first == null) fail(FieldPath.ROOT, "the file is empty: expected a YAML mapping (" + format.expectedKeys() + ")");
        if (first != JsonToken.START_OBJECT) {
            fail(FieldPath.ROOT, "the file must be a YAML mapping (key: value), found " + describe(first));
        }
        lines.put(FieldPath.ROOT, lastLine);
        JsonNode root = value(first, FieldPath.ROOT, 1);
        if (next() != null) fail(FieldPath.ROOT, "more than one YAML document (---); keep the whole " + format.subject() + " in one");
        return new YamlDocument(root, lines);
    }

    private JsonNode value(JsonToken token, String path, int depth) throws ConfigException {
        if (++nodeCount > MAX_NODES) fail(path, "more than " + MAX_NODES + " values; a " + format.fileNoun() + " is much smaller");
        if (depth > MAX_DEPTH) fail(path, "nested deeper than " + MAX_DEPTH + " levels");
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            fail(path, "YAML aliases (*name) are not supported: write the value out");
        }
        return switch (token) {
            case START_OBJECT -> object(path, depth);
            case START_ARRAY -> array(path, depth);
            case VALUE_STRING -> nodes.textNode(text());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(path);
            case VALUE_TRUE, VALUE_FALSE -> bool(token);
            case VALUE_NULL -> nodes.nullNode();
            default -> throw failure(path, "unsupported YAML value (" + token + "), e.g. a !!binary tag");
        };
    }

    /**
     * YAML 1.2's booleans only ({@code true}, {@code false}, any case): the parser follows YAML 1.1, where a bare
     * {@code off}, {@code on}, {@code yes}, {@code no} are booleans too, and {@code pii: off} would read as
     * {@code false} instead of the documented value. Those stay words; where a boolean is wanted, the schema says so.
     */
    private JsonNode bool(JsonToken token) throws ConfigException {
        String raw = text();
        return raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")
                ? nodes.booleanNode(token == JsonToken.VALUE_TRUE) : nodes.textNode(raw);
    }

    private ObjectNode object(String path, int depth) throws ConfigException {
        ObjectNode object = nodes.objectNode();
        JsonToken token;
        while ((token = next()) != JsonToken.END_OBJECT) {
            if (token != JsonToken.FIELD_NAME) fail(path, "expected a key, found " + describe(token));
            String name = text();
            String child = FieldPath.child(path, name);
            if (object.has(name)) fail(child, "duplicate key '" + name + "'");
            lines.put(child, lastLine);
            lastPath = child;
            object.set(name, value(next(), child, depth + 1));
        }
        return object;
    }

    private ArrayNode array(String path, int depth) throws ConfigException {
        ArrayNode array = nodes.arrayNode();
        JsonToken token;
        while ((token = next()) != JsonToken.END_ARRAY) {
            String child = FieldPath.index(path, array.size());
            lines.put(child, lastLine);
            lastPath = child;
            array.add(value(token, child, depth + 1));
        }
        return array;
    }

    private JsonNode number(String path) throws ConfigException {
        try {
            Number n = parser.getNumberValue();
            return switch (n) {
                case Integer i -> nodes.numberNode(i);
                case Long l -> nodes.numberNode(l);
                case java.math.BigInteger b -> nodes.numberNode(b);
                case java.math.BigDecimal d -> nodes.numberNode(d);
                default -> nodes.numberNode(n.doubleValue());
            };
        } catch (IOException | RuntimeException e) {
            throw failure(path, "not a usable number: " + firstLine(e));
        }
    }

    private String text() throws ConfigException {
        try {
            return parser.getText();
        } catch (IOException e) {
            throw failure(lastPath, "cannot read value: " + firstLine(e));
        }
    }

    /** The next token, with syntax errors turned into a problem at the YAML parser's own line. */
    private JsonToken next() throws ConfigException {
        try {
            JsonToken token = parser.nextToken();
            if (token != null) lastLine = Math.max(1, parser.currentTokenLocation().getLineNr());
            return token;
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        } catch (IOException | RuntimeException e) {
            throw failure(lastPath, "YAML syntax error: " + firstLine(e));
        }
    }

    private ConfigException syntaxError(JsonProcessingException e) {
        int line = lastLine;
        String problem = firstLine(e);
        if (e.getCause() instanceof MarkedYAMLException marked) {
            problem = marked.getProblem() + (marked.getContext() == null ? "" : " (" + marked.getContext() + ")");
            if (marked.getProblemMark() != null) line = marked.getProblemMark().getLine() + 1;
        } else if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            line = e.getLocation().getLineNr();
            if (problem.startsWith("Expected a field name")) problem = "keys must be plain values, not lists or mappings";
        }
        return new ConfigException(file, line, FieldPath.display(lastPath), "YAML syntax error: " + problem);
    }

    private void fail(String path, String problem) throws ConfigException {
        throw failure(path, problem);
    }

    private ConfigException failure(String path, String problem) {
        return new ConfigException(file, lastLine, FieldPath.display(path), problem);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "a mapping";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    /** The first line of an exception's message, short enough for a one-line problem. */
    public static String firstLine(Throwable e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (m == null) return e.getClass().getSimpleName();
        int nl = m.indexOf('\n');
        String line = (nl < 0 ? m : m.substring(0, nl)).strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static YAMLFactory factory() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(MAX_DEPTH * 2);
        options.setCodePointLimit(ValidatedYaml.MAX_FILE_BYTES * 2);
        return YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH * 2)
                        .maxNumberLength(100)
                        .build())
                .build();
    }
}
