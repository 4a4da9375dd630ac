package dev.bulwark.core.scope;

import dev.bulwark.core.config.ConfigException;
import dev.bulwark.core.config.ConfigFormat;
import dev.bulwark.core.config.JsonSchemaCheck;
import dev.bulwark.core.config.ValidatedYaml;

import java.nio.file.Path;
import java.util.Map;

/**
 * Loads {@code bulwark.yaml}: bounded read, YAML with line numbers, the published JSON Schema, {@code ${VAR}}
 * expansion, then the cross-reference checks ({@link ValidatedYaml} does all but the last). Every problem is a
 * {@link ScopeException} naming file, line and field; nothing else escapes, whatever the file holds.
 */
public final class ScopeLoader {
    /** A real scope is a few KB; the cap keeps a wrong path (a dataset, a log) from costing memory and time. */
    public static final int MAX_FILE_BYTES = ValidatedYaml.MAX_FILE_BYTES;

    /** The published schema ({@code docs/bulwark.schema.json}), copied next to this class by core/pom.xml. */
    static final String SCHEMA_RESOURCE = "bulwark.schema.json";

    static final ConfigFormat FORMAT =
            new ConfigFormat("scope", "scope file", "engagement:, rules:, ...", "write one with: bulwark init");

    static final JsonSchemaCheck SCHEMA = JsonSchemaCheck.fromResource(ScopeLoader.class, SCHEMA_RESOURCE)
            .withEnumNoun(path -> path.startsWith("targets[") && path.endsWith(".kind") ? "target kind"
                    : JsonSchemaCheck.defaultEnumNoun(path));

    private static final ValidatedYaml YAML = new ValidatedYaml(FORMAT, SCHEMA);

    private ScopeLoader() {
    }

    /** Loads {@code file}, expanding {@code ${VAR}} from the process environment. */
    public static Scope load(Path file) throws ScopeException {
        return load(file, System.getenv());
    }

    /** Loads {@code file}, expanding {@code ${VAR}} from {@code env}. */
    public static Scope load(Path file, Map<String, String> env) throws ScopeException {
        try {
            return YAML.load(file, env, (document, problems) -> ScopeMapper.map(file, document.root(), problems));
        } catch (ConfigException e) {
            throw ScopeException.of(e);
        }
    }

    /** Validates scope text as if it had been read from {@code source} (used in messages and {@link Scope#source()}). */
    public static Scope parse(String yaml, Path source, Map<String, String> env) throws ScopeException {
        try {
            return YAML.parse(yaml, source, env, (document, problems) -> ScopeMapper.map(source, document.root(), problems));
        } catch (ConfigException e) {
            throw ScopeException.of(e);
        }
    }
}
