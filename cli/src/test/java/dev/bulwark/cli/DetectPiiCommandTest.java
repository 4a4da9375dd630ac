package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectPiiCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RedactCommandTest.Run pii(String stdin, String... args) {
        return RedactCommandTest.Run.of(new DetectPiiCommand(), stdin, args);
    }

    private static List<JsonNode> lines(String out) throws Exception {
        var nodes = new java.util.ArrayList<JsonNode>();
        for (String line : out.split("\n")) nodes.add(JSON.readTree(line));
        return nodes;
    }

    @Test
    void oneResultPerLineWithEntitiesAndTheEchoedId() throws Exception {
        var run = pii("{\"id\":\"a\",\"text\":\"mail jane@example.com\"}\r\n"
                + "\n"
                + "{\"id\":7,\"text\":\"nothing here\"}\n"
                + "{\"text\":\"card 4111 1111 1111 1111\"}");
        assertThat(run.exitCode()).isZero();
        var out = lines(run.out());
        assertThat(out).hasSize(3);
        assertThat(out.get(0).get("id").asText()).isEqualTo("a");
        JsonNode email = out.get(0).get("entities").get(0);
        assertThat(email.get("type").asText()).isEqualTo("EMAIL");
        assertThat(email.get("start").asInt()).isEqualTo(5);
        assertThat(email.get("end").asInt()).isEqualTo(21);
        assertThat(email.get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(out.get(1).get("id").asInt()).isEqualTo(7);
        assertThat(out.get(1).get("entities")).isEmpty();
        assertThat(out.get(2).has("id")).isFalse();
        assertThat(out.get(2).get("entities").get(0).get("type").asText()).isEqualTo("PAYMENT_CARD");
        assertThat(run.out()).doesNotContain("jane", "4111");
    }

    @Test
    void offsetsCountCodePoints() throws Exception {
        var run = pii("{\"text\":\"😀😀 é jane@example.com\"}\n");
        JsonNode email = lines(run.out()).get(0).get("entities").get(0);
        String text = "😀😀 é jane@example.com";
        int start = text.codePointCount(0, text.indexOf("jane"));
        assertThat(start).isEqualTo(5);
        assertThat(email.get("start").asInt()).isEqualTo(start);
        assertThat(email.get("end").asInt()).isEqualTo(start + "jane@example.com".length());
    }

    @Test
    void entitiesOptionFilters() throws Exception {
        var run = pii("{\"text\":\"jane@example.com 4111 1111 1111 1111\"}\n", "--entities", "PAYMENT_CARD");
        var entities = lines(run.out()).get(0).get("entities");
        assertThat(entities).hasSize(1);
        assertThat(entities.get(0).get("type").asText()).isEqualTo("PAYMENT_CARD");
    }

    @Test
    void aBadLineExits2NamingItsNumberWithoutQuotingIt() {
        var run = pii("{\"text\":\"ok\"}\n{\"text\": jane@example.com}\n{\"text\":\"never read\"}\n");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("stdin line 2: not valid JSON").doesNotContain("jane");
        assertThat(run.out().lines()).hasSize(1);
    }

    @Test
    void missingOrNonStringTextAndNonObjectsAreErrors() {
        assertThat(pii("{\"id\":1}\n").err()).contains("stdin line 1: field \"text\" is missing");
        assertThat(pii("{\"text\":5}\n").err()).contains("stdin line 1: field \"text\" is not a string");
        assertThat(pii("[1,2]\n").err()).contains("stdin line 1: expected a JSON object");
        assertThat(pii("\n\n\"text\"\n").exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void anOverlongLineIsRefusedWithAClearError() {
        String line = "{\"text\":\"" + "a".repeat(DetectPiiCommand.MAX_LINE_CHARS) + "\"}\n";
        var run = pii(line);
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("stdin line 1: longer than " + DetectPiiCommand.MAX_LINE_CHARS + " characters");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "{\"text\":\"x\",\"n\":" + "[".repeat(5000) + "]".repeat(5000) + "}\n";
        assertThat(pii(deep).exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    }
}
