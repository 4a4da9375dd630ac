package dev.bulwark.guard.config;

import dev.bulwark.core.config.ConfigException;
import dev.bulwark.core.config.ConfigFormat;
import dev.bulwark.core.config.JsonSchemaCheck;
import dev.bulwark.core.config.ValidatedYaml;

import java.nio.file.Path;
import java.util.Map;

/**
 * Loads {@code guard.yaml} into a {@link GuardConfig}: bounded read, YAML with line numbers, the published schema
 * ({@code docs/guard.schema.json}), {@code ${VAR}} expansion, every default filled in ({@link GuardDefaults}), the
 * semantic checks, then the clients of the keys file merged in. Every problem is a {@link ConfigException} naming
 * file, line and field (the keys file's own line for a problem there); nothing else escapes.
 */
public final class GuardConfigLoader {
    /** The published schema, copied next to this class by guard/pom.xml. */
    static final String SCHEMA_RESOURCE = "guard.schema.json";

    static final ValidatedYaml YAML = new ValidatedYaml(
            new ConfigFormat("guard config", "guard config file", "listen:, upstreams:, ...",
                    "see docs/guard.md for a minimal one"),
            JsonSchemaCheck.fromResource(GuardConfigLoader.class, SCHEMA_RESOURCE));

    private GuardConfigLoader() {
    }

    /** Loads {@code file}, expanding {@code ${VAR}} from {@code env} (e.g. {@link System#getenv()}). */
    public static GuardConfig load(Path file, Map<String, String> env) throws ConfigException {
        return withKeys(YAML.load(file, env, (document, problems) -> GuardMapper.map(file, document, problems)));
    }

    /** Validates config text as if read from {@code source} (messages, relative paths, the keys file). */
    public static GuardConfig parse(String yaml, Path source, Map<String, String> env) throws ConfigException {
        return withKeys(YAML.parse(yaml, source, env, (document, problems) -> GuardMapper.map(source, document, problems)));
    }

    /** The keys file is checked with the config, so a broken one stops the start with its line (exit 2). */
    private static GuardConfig withKeys(GuardConfig config) throws ConfigException {
        KeysMerge.clients(config);
        return config;
    }
}
