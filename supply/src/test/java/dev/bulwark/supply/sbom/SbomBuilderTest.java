package dev.bulwark.supply.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.supply.deps.manifest.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SbomBuilderTest {
    @TempDir
    Path dir;

    private SbomBuilder builder() throws Exception {
        return new SbomBuilder("bulwark", "test", "demo").timestamp(Instant.parse("2025-01-01T00:00:00Z"))
                .addManifests(List.of(Fixtures.parse("own/requirements/requirements.txt"),
                        Fixtures.parse("own/npm-git/package-lock.json"), Fixtures.parse("own/maven/pom.xml"),
                        Fixtures.parse("own/conda/environment.yml")))
                .addModel(new ModelComponent("model.pt", "models/model.pt", "ab".repeat(32), "pytorch-zip", "pytorch",
                        List.of("code execution on load: builtins.exec at offset 58")));
    }

    @Test
    void writesValidCycloneDx16() throws Exception {
        Path file = builder().write(dir.resolve("out/sbom.json"));
        var errors = new JsonParser().validate(file.toFile(), Version.VERSION_16);
        assertThat(errors).isEmpty();
        assertThat(new JsonParser().parse(file.toFile()).getComponents()).isNotEmpty();
    }

    @Test
    void librariesHavePurlsHashesScopesAndModelsTheirRisks() throws Exception {
        JsonNode bom = new ObjectMapper().readTree(builder().toJson().getBytes(StandardCharsets.UTF_8));
        assertThat(bom.path("specVersion").asText()).isEqualTo("1.6");
        var purls = bom.path("components").findValuesAsText("purl");
        assertThat(purls).contains("pkg:pypi/torch@2.1.0", "pkg:pypi/requests@2.31.0", "pkg:npm/openai@4.20.0",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", "pkg:conda/pytorch@2.1.0");
        assertThat(purls).noneMatch(p -> p.contains("urllib3")); // a constraint installs nothing
        JsonNode torch = component(bom, "pkg:pypi/torch@2.1.0");
        assertThat(torch.path("hashes").get(0).path("alg").asText()).isEqualTo("SHA-256");
        assertThat(torch.path("scope").asText()).isEqualTo("required");
        assertThat(component(bom, "pkg:npm/jest@29.7.0").path("scope").asText()).isEqualTo("excluded");
        JsonNode model = null;
        for (JsonNode c : bom.path("components")) if (c.path("type").asText().equals("machine-learning-model")) model = c;
        assertThat(model).isNotNull();
        assertThat(model.path("hashes").get(0).path("content").asText()).isEqualTo("ab".repeat(32));
        assertThat(model.path("properties").findValuesAsText("value")).contains("pytorch-zip", "pytorch",
                "code execution on load: builtins.exec at offset 58");
        assertThat(bom.path("dependencies").get(0).path("dependsOn").size()).isGreaterThan(3);
    }

    private static JsonNode component(JsonNode bom, String purl) {
        for (JsonNode c : bom.path("components")) if (purl.equals(c.path("purl").asText())) return c;
        throw new AssertionError("no component " + purl);
    }
}
