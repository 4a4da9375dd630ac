package dev.bulwark.probe.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.core.http.EngagementClient;
import dev.bulwark.core.http.EngagementException;
import dev.bulwark.core.http.HttpCall;
import dev.bulwark.core.http.HttpReply;
import dev.bulwark.core.scope.JudgeEndpoint;
import dev.bulwark.probe.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks the scope's LLM judge ({@link JudgeEndpoint}) about one exchange: the fixed {@link JudgeRubric}, temperature
 * 0, a short answer, sent through the engagement client (allow-list, rate, budget, timeout) without following
 * redirects. Every failure — transport, refusal by the rules of engagement, non-2xx, no content, an answer that is
 * not the strict JSON format — comes back as an {@link Outcome.NoAnswer} with the reason.
 */
public final class LlmJudge {
    static final int MAX_TOKENS = 150;

    private final JudgeEndpoint endpoint;
    private final EngagementClient http;

    public LlmJudge(JudgeEndpoint endpoint, EngagementClient http) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.http = Objects.requireNonNull(http, "http");
    }

    public JudgeEndpoint endpoint() {
        return endpoint;
    }

    /** What one consultation gave. */
    public sealed interface Outcome {
        record Answered(JudgeAnswer answer) implements Outcome {
        }

        record NoAnswer(String why) implements Outcome {
        }
    }

    public Outcome ask(String checkId, String attack, String reply) throws InterruptedException {
        HttpReply response;
        try {
            response = http.send(request(checkId, attack, reply));
        } catch (EngagementException e) {
            return new Outcome.NoAnswer("the LLM judge could not be reached: " + e.getMessage());
        }
        if (!response.ok()) return new Outcome.NoAnswer("the LLM judge answered HTTP " + response.status());
        Optional<String> content = Json.parse(response.bodyText())
                .map(root -> root.path("choices").path(0).path("message").path("content"))
                .filter(JsonNode::isTextual).map(JsonNode::asText);
        if (content.isEmpty()) return new Outcome.NoAnswer("the LLM judge's reply has no choices[0].message.content");
        return JudgeAnswer.parse(content.get())
                .<Outcome>map(Outcome.Answered::new)
                .orElseGet(() -> new Outcome.NoAnswer("the LLM judge's answer is not the required JSON"
                        + " {\"verdict\": \"hit|pass\", \"reason\": …}"));
    }

    HttpCall request(String checkId, String attack, String reply) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", endpoint.model());
        body.put("temperature", 0);
        body.put("max_tokens", MAX_TOKENS);
        var messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", JudgeRubric.SYSTEM);
        messages.addObject().put("role", "user").put("content", JudgeRubric.exchange(checkId, attack, reply));
        HttpCall call = new HttpCall("POST", endpoint.url(), Map.of("Content-Type", List.of("application/json")),
                Json.write(body).getBytes(StandardCharsets.UTF_8), false, true);
        return endpoint.auth().map(a -> call.withHeader(a.header(), a.value())).orElse(call);
    }
}
