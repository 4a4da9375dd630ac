package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.SpecVersion;
import dev.bulwark.report.json.JsonReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The published schema (docs/findings.schema.json) accepts what the writer produces and rejects drift. */
class FindingsSchemaTest {
    /** Tests run in the module folder; the schema lives in the repository's docs. */
    private static final Path SCHEMA = Path.of("..", "docs", "findings.schema.json");
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static SchemaCheck schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() throws IOException {
        schema = SchemaCheck.load(Files.newInputStream(SCHEMA), SpecVersion.VersionFlag.V202012);
    }

    private JsonNode written(boolean complete) throws IOException {
        new JsonReportWriter().write(Fixtures.assessment(complete), Fixtures.TOOL, dir);
        return PLAIN.readTree(dir.resolve("findings.json").toFile());
    }

    @Test
    void writerOutputIsValid() throws IOException {
        assertThat(schema.errors(written(false))).isEmpty();
        assertThat(schema.errors(written(true))).isEmpty();
    }

    @Test
    void schemaCatchesDrift() throws IOException {
        ObjectNode root = (ObjectNode) written(false);
        ((ObjectNode) root.at("/findings/0")).put("severity", "High");
        ((ObjectNode) root.at("/findings/1/location")).put("port", 8080);
        ((ObjectNode) root.at("/scenarios/0")).put("risk", "later");
        root.remove("coverage");
        assertThat(schema.errors(root)).hasSize(4)
                .anySatisfy(m -> assertThat(m).contains("severity"))
                .anySatisfy(m -> assertThat(m).contains("port"))
                .anySatisfy(m -> assertThat(m).contains("risk"))
                .anySatisfy(m -> assertThat(m).contains("coverage"));
    }
}
