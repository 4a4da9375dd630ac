package dev.bulwark.core.scope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The published schema is user documentation and the validator's input: one file, fully described. */
class ScopeSchemaTest {
    private static final Path PUBLISHED = Path.of("../docs/bulwark.schema.json");

    @Test
    void classpathCopyIsThePublishedFile() throws Exception {
        try (InputStream in = ScopeLoader.class.getResourceAsStream(ScopeLoader.SCHEMA_RESOURCE)) {
            assertThat(in).as("schema copied onto the classpath by core/pom.xml").isNotNull();
            assertThat(new String(in.readAllBytes())).isEqualTo(Files.readString(PUBLISHED));
        }
    }

    @Test
    void everyPropertyHasTitleAndDescription() {
        JsonNode schema = ScopeLoader.SCHEMA.tree();
        List<String> undocumented = new ArrayList<>();
        walk(schema, schema, "#", undocumented);
        assertThat(undocumented).isEmpty();
    }

    @Test
    void everyObjectForbidsUnknownFields() {
        List<String> open = new ArrayList<>();
        forEachObjectSchema(ScopeLoader.SCHEMA.tree(), "#", open);
        // The target entry dispatches on kind; each kind's own schema is closed.
        assertThat(open).containsExactly("#/$defs/target");
    }

    @Test
    void fullExampleOfTheDocsLoads() throws Exception {
        String doc = Files.readString(Path.of("../docs/scope.md"));
        int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));
        Scope scope = ScopeLoader.parse(example, Path.of("scope.md"), java.util.Map.of("OPENAI_API_KEY", "k"));
        assertThat(scope.targets()).hasSize(2);
        assertThat(scope.assets()).hasSize(2);
        assertThat(scope.rules().notAfter()).isAfter(scope.rules().notBefore());
    }

    @Test
    void publishedSchemaIsValidJson() throws Exception {
        JsonNode tree = new ObjectMapper().readTree(PUBLISHED.toFile());
        assertThat(tree.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    private static void walk(JsonNode root, JsonNode node, String where, List<String> undocumented) {
        if (!node.isObject()) return;
        JsonNode properties = node.get("properties");
        if (properties != null && !where.endsWith("/if")) {
            properties.properties().forEach(p -> {
                JsonNode described = resolve(root, p.getValue());
                if (!described.hasNonNull("title") || !described.hasNonNull("description")) {
                    undocumented.add(where + "/properties/" + p.getKey());
                }
            });
        }
        node.properties().forEach(f -> {
            if (f.getValue().isObject()) walk(root, f.getValue(), where + "/" + f.getKey(), undocumented);
            if (f.getValue().isArray()) {
                for (int i = 0; i < f.getValue().size(); i++) walk(root, f.getValue().get(i), where + "/" + f.getKey() + "/" + i, undocumented);
            }
        });
    }

    private static JsonNode resolve(JsonNode root, JsonNode property) {
        if (property.has("title")) return property;
        JsonNode ref = property.get("$ref");
        return ref == null ? property : root.at(ref.asText().substring(1));
    }

    private static void forEachObjectSchema(JsonNode node, String where, List<String> open) {
        if (!node.isObject()) return;
        if ("object".equals(node.path("type").asText()) && !node.has("additionalProperties")) open.add(where);
        node.properties().forEach(f -> {
            if (f.getValue().isObject()) forEachObjectSchema(f.getValue(), where + "/" + f.getKey(), open);
            if (f.getValue().isArray()) {
                for (int i = 0; i < f.getValue().size(); i++) forEachObjectSchema(f.getValue().get(i), where + "/" + f.getKey() + "/" + i, open);
            }
        });
    }
}
