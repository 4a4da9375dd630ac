package dev.bulwark.core.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Loads a YAML configuration file the one way Bulwark does: bounded read ({@value #MAX_FILE_BYTES} bytes), strict
 * UTF-8, YAML with the line of every field, the file's published JSON Schema, {@code ${VAR}} expansion from a given
 * environment, then the caller's own mapping and cross-field checks. Every problem is a {@link ConfigException}
 * naming file, line and field; nothing else escapes, whatever the file holds.
 *
 * <p>Immutable and thread-safe; keep one per kind of file.
 */
public final class ValidatedYaml {
    /** A real configuration is a few KB; the cap keeps a wrong path (a dataset, a log) from costing memory and time. */
    public static final int MAX_FILE_BYTES = 1 << 20;

    private final ConfigFormat format;
    private final JsonSchemaCheck schema;

    public ValidatedYaml(ConfigFormat format, JsonSchemaCheck schema) {
        this.format = Objects.requireNonNull(format, "format");
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    /**
     * Turns a schema-valid, expanded document into the caller's type. Problems go to {@code problems} (all of them
     * are reported together after the mapper returns); throwing is for what stops mapping altogether.
     */
    @FunctionalInterface
    public interface Mapper<T> {
        T map(YamlDocument document, Problems problems) throws ConfigException;
    }

    public ConfigFormat format() {
        return format;
    }

    public JsonSchemaCheck schema() {
        return schema;
    }

    /** Reads, validates and maps {@code file}, expanding {@code ${VAR}} from {@code env}. */
    public <T> T load(Path file, Map<String, String> env, Mapper<T> mapper) throws ConfigException {
        return parse(read(file), file, env, mapper);
    }

    /** Validates and maps YAML text as if it had been read from {@code source} (used in messages). */
    public <T> T parse(String yaml, Path source, Map<String, String> env, Mapper<T> mapper) throws ConfigException {
        if (yaml.length() > MAX_FILE_BYTES) throw tooBig(source);
        try {
            YamlDocument document = YamlReader.read(source, yaml, format);
            Problems problems = new Problems(source, document);
            schema.validate(document, problems);
            problems.throwIfAny();
            EnvExpansion.expandAll(document.root(), env, problems);
            problems.throwIfAny();
            T result = mapper.map(document, problems);
            problems.throwIfAny();
            return result;
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            // A validator or mapper bug must still reach the user as "this file is the problem", with a reason.
            throw new ConfigException(source, 1, FieldPath.display(FieldPath.ROOT),
                    "cannot be checked (" + e.getClass().getSimpleName() + ": " + YamlReader.firstLine(e) + ")");
        }
    }

    /** The text of {@code file}: a regular file of at most {@value #MAX_FILE_BYTES} bytes of UTF-8. */
    public String read(Path file) throws ConfigException {
        return ConfigText.read(file, MAX_FILE_BYTES, format);
    }

    private ConfigException tooBig(Path file) {
        return ConfigText.tooBig(file, MAX_FILE_BYTES, format);
    }
}
