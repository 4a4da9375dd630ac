package dev.bulwark.guard.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The published schema and reference are user documentation and the validator's input: one of each, complete. */
class GuardSchemaTest {
    private static final Path PUBLISHED = Path.of("../docs/guard.schema.json");
    private static final Path REFERENCE = Path.of("../docs/guard.md");

    @Test
    void classpathCopyIsThePublishedFile() throws Exception {
        try (InputStream in = GuardConfigLoader.class.getResourceAsStream(GuardConfigLoader.SCHEMA_RESOURCE)) {
            assertThat(in).as("schema copied onto the classpath by guard/pom.xml").isNotNull();
            assertThat(new String(in.readAllBytes())).isEqualTo(Files.readString(PUBLISHED));
        }
        assertThat(GuardConfigLoader.YAML.schema().tree().path("$schema").asText())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void everyObjectForbidsUnknownFieldsAndEveryPropertyIsDescribed() {
        JsonNode root = GuardConfigLoader.YAML.schema().tree();
        List<String> open = new ArrayList<>();
        List<String> undocumented = new ArrayList<>();
        walk(root, root, "#", open, undocumented);
        assertThat(open).isEmpty();
        assertThat(undocumented).isEmpty();
    }

    @Test
    void everyTopLevelFieldIsInTheReference() throws Exception {
        String doc = Files.readString(REFERENCE);
        GuardConfigLoader.YAML.schema().tree().path("properties").fieldNames()
                .forEachRemaining(name -> assertThat(doc).contains("`" + name + "`"));
    }

    @Test
    void everyExampleOfTheReferenceLoads() throws Exception {
        Path dir = Files.createTempDirectory("guard-docs");
        for (String f : List.of("cert.pem", "key.pem", "prompt.txt", "jwks.json", "scope-examples.txt")) {
            Files.writeString(dir.resolve(f), "x");
        }
        Matcher m = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(REFERENCE));
        int examples = 0;
        while (m.find()) {
            if (!m.group(1).contains("upstreams:")) continue;
            GuardConfig config = GuardConfigLoader.parse(m.group(1), dir.resolve("guard.yaml"),
                    Map.of("OPENAI_API_KEY", "k", "UPSTREAM_KEY", "k", "REDIS_URL", "redis://127.0.0.1:6379"));
            assertThat(config.upstreams()).isNotEmpty();
            examples++;
        }
        assertThat(examples).isGreaterThanOrEqualTo(2);
    }

    private static void walk(JsonNode root, JsonNode node, String where, List<String> open, List<String> undocumented) {
        if (!node.isObject()) return;
        if ("object".equals(node.path("type").asText()) && !node.has("additionalProperties")) open.add(where);
        JsonNode properties = node.get("properties");
        if (properties != null) {
            properties.properties().forEach(p -> {
                JsonNode described = p.getValue().has("title") ? p.getValue()
                        : root.at(p.getValue().path("$ref").asText("#").substring(1));
                if (!described.hasNonNull("title") || !described.hasNonNull("description")) {
                    undocumented.add(where + "/properties/" + p.getKey());
                }
            });
        }
        node.properties().forEach(f -> walk(root, f.getValue(), where + "/" + f.getKey(), open, undocumented));
    }
}
