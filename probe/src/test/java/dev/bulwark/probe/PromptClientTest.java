package dev.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Verdict;
import dev.bulwark.core.http.EngagementClient;
import dev.bulwark.core.http.HttpCall;
import dev.bulwark.core.http.HttpReply;
import dev.bulwark.core.scope.HttpTarget;
import dev.bulwark.probe.fixture.TestEngagement;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromptClientTest {
    private static final URI URL = URI.create("http://127.0.0.1:9/v1/chat/completions");
    private static final EngagementClient HTTP = new EngagementClient(TestEngagement.rules(10));

    @AfterAll
    static void close() {
        HTTP.close();
    }

    private static HttpReply reply(int status, String body) {
        return new HttpReply(status, Map.of(), body.getBytes(StandardCharsets.UTF_8), false, URL, Duration.ZERO, 1);
    }

    private static PromptClient form(String path) {
        return PromptClient.forTarget(new HttpTarget("form", URL, "POST", "{\"q\": \"{{prompt}}\", \"n\": 1}", path,
                Map.of("X-Tenant", "t1"), Optional.empty(), List.of(), List.of()), HTTP);
    }

    @Test
    void chatCallCarriesModelMessagesMaxTokensAndCredential() {
        PromptClient client = PromptClient.forTarget(TestEngagement.chat(URL, true, List.of()), HTTP);
        assertThat(client).isInstanceOf(ChatCompletionsClient.class);
        HttpCall call = client.call("hi \"there\"");
        var body = Json.parse(call.bodyText()).orElseThrow();
        assertThat(body.path("model").asText()).isEqualTo("northwind-1");
        assertThat(body.path("messages").path(0).path("role").asText()).isEqualTo("user");
        assertThat(body.path("messages").path(0).path("content").asText()).isEqualTo("hi \"there\"");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(ChatCompletionsClient.MAX_TOKENS);
        assertThat(call.headers().get("Authorization")).containsExactly("Bearer s3cr3t-test-token-5f2a9c");
        assertThat(call.method()).isEqualTo("POST");
    }

    @Test
    void chatReplyIsReadFromTheFirstChoice() {
        PromptClient client = PromptClient.forTarget(TestEngagement.chat(URL, false, List.of()), HTTP);
        HttpCall call = client.call("x");
        assertThat(text(client.read(call, reply(200, "{\"choices\":[{\"message\":{\"content\":\"hello\"}}]}"))))
                .isEqualTo("hello");
        assertThat(text(client.read(call, reply(200, "{\"choices\":[{\"message\":{\"content\":null,\"refusal\":\"no\"}}]}"))))
                .isEqualTo("no");
        assertThat(text(client.read(call, reply(200,
                "{\"choices\":[{\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"text\",\"text\":\"b\"}]}}]}"))))
                .isEqualTo("ab");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "500|{\"choices\":[{\"message\":{\"content\":\"x\"}}]}|ERROR",
            "401|unauthorized|ERROR",
            "429|slow down|ERROR",
            "200|<html>login</html>|UNSCORABLE",
            "200|{\"choices\":[]}|UNSCORABLE",
            "200|[[[[[[|UNSCORABLE",
    })
    void chatFailuresAreErrorsOrUnscorableNeverAnswers(int status, String body, Verdict verdict) {
        PromptClient client = PromptClient.forTarget(TestEngagement.chat(URL, false, List.of()), HTTP);
        var result = client.read(client.call("x"), reply(status, body));
        assertThat(result).isInstanceOf(PromptReply.Failure.class);
        assertThat(((PromptReply.Failure) result).verdict()).isEqualTo(verdict);
    }

    @Test
    void deeplyNestedReplyIsRefusedNotParsed() {
        PromptClient client = PromptClient.forTarget(TestEngagement.chat(URL, false, List.of()), HTTP);
        String bomb = "[".repeat(100_000) + "]".repeat(100_000);
        assertThat(client.read(client.call("x"), reply(200, bomb))).isInstanceOf(PromptReply.Failure.class);
    }

    @Test
    void templateGetsHeadersContentTypeAndEscapedPrompt() {
        HttpCall call = form("$.answer").call("say \"hi\"\n\\ now");
        assertThat(call.bodyText()).isEqualTo("{\"q\": \"say \\\"hi\\\"\\n\\\\ now\", \"n\": 1}");
        assertThat(call.headers()).containsEntry("X-Tenant", List.of("t1"))
                .containsEntry("Content-Type", List.of("application/json"));
        assertThat(call.headers()).doesNotContainKey("Authorization");
    }

    @Property(tries = 200)
    void anyPromptSurvivesTheTemplateAsValidJson(@ForAll @StringLength(max = 200) String prompt) {
        HttpCall call = form("$.answer").call(prompt);
        var body = Json.parse(call.bodyText()).orElseThrow();
        assertThat(body.path("q").asText()).isEqualTo(prompt);
        assertThat(body.path("n").asInt()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', value = {
            "$.answer|{\"answer\": \"hello\"}|hello",
            "$.data.answer|{\"data\": {\"answer\": \"deep\"}}|deep",
            "$.count|{\"count\": 42}|42",
            "$.data|{\"data\": {\"a\": [1, true]}}|{\"a\":[1,true]}",
            "$.items[*].text|{\"items\": [{\"text\": \"only\"}]}|only",
            "$.items[*].text|{\"items\": [{\"text\": \"a\"}, {\"text\": \"b\"}]}|[\"a\",\"b\"]",
            "$|plain text answer|plain text answer",
            "$|\"just a string\"|just a string",
    })
    void jsonPathResultsAreRenderedAsText(String path, String body, String expected) {
        PromptClient client = form(path);
        assertThat(text(client.read(client.call("x"), reply(200, body)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', value = {
            "$.missing|{\"answer\": \"hello\"}",
            "$.answer|not json at all",
            "$[[[bad|{\"answer\": \"hello\"}",
    })
    void unmatchedOrInvalidPathIsUnscorable(String path, String body) {
        PromptClient client = form(path);
        var result = client.read(client.call("x"), reply(200, body));
        assertThat(result).isInstanceOfSatisfying(PromptReply.Failure.class,
                f -> assertThat(f.verdict()).isEqualTo(Verdict.UNSCORABLE));
    }

    @Test
    void failureProblemsAreMasked() {
        PromptClient client = form("$.answer");
        var result = client.read(client.call("x"), reply(403, "denied for jane.doe@example.com"));
        assertThat(((PromptReply.Failure) result).problem()).contains("HTTP 403").doesNotContain("jane.doe@example.com");
    }

    @Test
    void answersAreCapped() {
        PromptClient client = form("$");
        String huge = "a".repeat(PromptClient.MAX_REPLY_CHARS + 10);
        assertThat(text(client.read(client.call("x"), reply(200, huge)))).hasSize(PromptClient.MAX_REPLY_CHARS);
    }

    private static String text(PromptReply reply) {
        assertThat(reply).isInstanceOf(PromptReply.Answer.class);
        return ((PromptReply.Answer) reply).text();
    }
}
