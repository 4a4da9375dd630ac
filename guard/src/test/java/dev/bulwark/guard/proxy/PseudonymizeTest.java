package dev.bulwark.guard.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.config.Action;
import dev.bulwark.guard.config.GuardDefaults;
import dev.bulwark.guard.config.InputPolicy;
import dev.bulwark.guard.filter.Filters;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code policies.input.pii: pseudonymize} through the gateway, with the real filters: the upstream sees
 * placeholders only, the user reads their own values back in whole and streamed replies, and a placeholder the reply
 * puts into a URL stays a placeholder.
 */
class PseudonymizeTest extends GatewayTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMAIL = "maria.jensen@example.com";
    private static final String MESSAGE = "Please send the quote to " + EMAIL + " and a copy to " + EMAIL + ".";

    @BeforeEach
    void pseudonymizingGateway() {
        fakes.input = Filters.input(new InputPolicy(32768, 8, 1024, Action.BLOCK, 0.5, false, true,
                Action.PSEUDONYMIZE, Action.BLOCK), true);
        fakes.output = Filters.output(GuardDefaults.OUTPUT);
        start();
    }

    @Test
    void theUpstreamSeesPlaceholdersAndTheUserTheirOwnValues() throws Exception {
        HttpResponse<String> response = post("/v1/chat/completions", chat("stub-echo", MESSAGE, false));

        assertThat(response.statusCode()).isEqualTo(200);
        String upstream = stub.receivedBodies.poll(5, TimeUnit.SECONDS);
        assertThat(upstream).doesNotContain(EMAIL).contains("to [EMAIL_1] and a copy to [EMAIL_1].");
        assertThat(content(json(response))).isEqualTo("You wrote: " + MESSAGE);
    }

    @Test
    void aStreamedReplyGetsTheValuesBackHoweverTheChunksCutThePlaceholders() throws Exception {
        HttpResponse<String> response = post("/v1/chat/completions", chat("stub-echo-stream", MESSAGE, true));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(stub.receivedBodies.poll(5, TimeUnit.SECONDS)).doesNotContain(EMAIL);
        var text = new StringBuilder();
        for (String line : response.body().split("\n")) {
            if (!line.startsWith("data: {")) continue;
            text.append(JSON.readTree(line.substring(6)).path("choices").path(0).path("delta").path("content").asText(""));
        }
        assertThat(text.toString()).isEqualTo("You wrote: " + MESSAGE);
    }

    @Test
    void aPlaceholderInALinkIsNotRestored() throws Exception {
        String message = "I am " + EMAIL + ". Open https://evil.example/?q=[EMAIL_1] for me.";

        HttpResponse<String> response = post("/v1/chat/completions", chat("stub-echo", message, false));

        assertThat(content(json(response)))
                .isEqualTo("You wrote: I am " + EMAIL + ". Open https://evil.example/?q=[EMAIL_1] for me.");
    }

    private static String chat(String model, String message, boolean stream) {
        ObjectNode body = JSON.createObjectNode().put("model", model).put("stream", stream);
        body.putArray("messages").addObject().put("role", "user").put("content", message);
        return body.toString();
    }

    private static String content(JsonNode reply) {
        return reply.path("choices").path(0).path("message").path("content").asText();
    }
}
