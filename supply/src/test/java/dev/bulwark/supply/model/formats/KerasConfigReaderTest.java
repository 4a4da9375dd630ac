package dev.bulwark.supply.model.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Severity;
import dev.bulwark.supply.model.IssueKind;
import dev.bulwark.supply.model.ModelIssue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KerasConfigReaderTest {
    private final KerasConfigReader reader = new KerasConfigReader();

    static byte[] config(String name) throws IOException {
        try (InputStream in = KerasConfigReaderTest.class.getResourceAsStream("keras/" + name + ".json")) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"keras3-sequential", "keras2-functional"})
    void ordinaryModelsYieldNothing(String name) throws IOException {
        byte[] json = config(name);
        assertThat(reader.recognizes(Scans.head(json))).isTrue();
        assertThat(Scans.scan(reader, json)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "keras2-nested-lambda, DANGEROUS_CALL, CRITICAL, Lambda",
            "keras3-lambda, DANGEROUS_CALL, CRITICAL, Lambda",
            "cve-2025-1550-os-system, DANGEROUS_CALL, CRITICAL, os.system",
            "compile-config-subprocess, DANGEROUS_CALL, CRITICAL, subprocess.getoutput",
            "keras-get-file, DANGEROUS_CALL, CRITICAL, keras.utils.get_file",
            "tfsmlayer, DANGEROUS_CALL, HIGH, TFSMLayer",
            "unknown-module, SUSPICIOUS_CALL, MEDIUM, my_company.layers.Attention2",
    })
    void riskyConfigsAreFlagged(String name, IssueKind kind, Severity severity, String subject) throws IOException {
        byte[] json = config(name);
        List<ModelIssue> issues = Scans.scan(reader, json);
        assertThat(issues).singleElement().satisfies(issue -> {
            assertThat(issue.kind()).isEqualTo(kind);
            assertThat(issue.severity()).isEqualTo(severity);
            assertThat(issue.subject()).isEqualTo(subject);
            assertThat(issue.offset()).isBetween(0L, (long) json.length);
            assertThat(json[(int) issue.offset()]).isEqualTo((byte) '{');
        });
    }

    @Test
    void tfsmLayerNamesItsTarget() throws IOException {
        assertThat(Scans.scan(reader, config("tfsmlayer"))).singleElement()
                .extracting(ModelIssue::detail).asString().contains("/tmp/attacker_savedmodel");
    }

    @Test
    void lambdaByNameIsHighNotCritical() throws IOException {
        String json = """
                {"class_name": "Sequential", "config": {"layers": [{"class_name": "Lambda", "config": {"name": "l",
                 "function": "preprocess", "function_type": "function", "module": "keras.layers"}}]}}""";
        assertThat(Scans.scan(reader, json.getBytes(StandardCharsets.UTF_8))).singleElement()
                .extracting(ModelIssue::severity).isEqualTo(Severity.HIGH);
    }

    @Test
    void lambdaLossOutsideAnyLayerIsCritical() throws IOException {
        String json = """
                {"module": "keras", "class_name": "Sequential", "config": {"layers": []},
                 "compile_config": {"loss": {"class_name": "__lambda__", "config": {"code": "4wEAAAAA"}}}}""";
        assertThat(Scans.scan(reader, json.getBytes(StandardCharsets.UTF_8))).singleElement().satisfies(issue -> {
            assertThat(issue.subject()).isEqualTo("__lambda__");
            assertThat(issue.severity()).isEqualTo(Severity.CRITICAL);
        });
    }

    @Test
    void customRegisteredObjectWithoutModuleIsLow() throws IOException {
        String json = "{\"class_name\": \"Custom\", \"config\": {}, \"registered_name\": \"acme>Custom\"}";
        assertThat(Scans.scan(reader, json.getBytes(StandardCharsets.UTF_8))).singleElement().satisfies(issue -> {
            assertThat(issue.kind()).isEqualTo(IssueKind.SUSPICIOUS_CALL);
            assertThat(issue.severity()).isEqualTo(Severity.LOW);
        });
    }

    @Test
    void configNestedPastTheDepthLimitIsNotVerified() throws IOException {
        String json = "{\"class_name\": \"X\", \"config\": " + "{\"a\":".repeat(400) + "1" + "}".repeat(400) + "}";
        assertThat(Scans.scan(reader, json.getBytes(StandardCharsets.UTF_8))).singleElement()
                .extracting(ModelIssue::kind).isEqualTo(IssueKind.NOT_VERIFIED);
    }

    @Test
    void brokenJsonIsNotVerified() throws IOException {
        byte[] json = "{\"class_name\": \"Sequential\", \"config\": {\"layers\": [".getBytes(StandardCharsets.UTF_8);
        assertThat(Scans.kinds(Scans.scan(reader, json))).containsExactly(IssueKind.NOT_VERIFIED);
    }

    @Test
    void recognisesKerasObjectsOnly() {
        assertThat(reader.recognizes(Scans.head("{\"keras_version\": \"3.3.3\", \"date_saved\": \"x\"}".getBytes()))).isFalse();
        assertThat(reader.recognizes(Scans.head("{\"architectures\": [\"LlamaForCausalLM\"], \"model_type\": \"llama\"}".getBytes()))).isFalse();
        assertThat(reader.recognizes(Scans.head("\uFEFF  {\"class_name\": \"A\", \"config\": {}}".getBytes(StandardCharsets.UTF_8)))).isTrue();
    }
}
