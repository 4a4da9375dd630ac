package dev.bulwark.guard.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.config.Action;
import dev.bulwark.guard.config.GuardDefaults;
import dev.bulwark.guard.config.InputPolicy;
import dev.bulwark.guard.filter.Filters;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A chat app sends the conversation back with every request. An honest reply that quotes an injection must not make
 * every later request of that conversation refused; a forged assistant turn with the same words still is.
 */
class ReleasedRepliesTest extends GatewayTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String QUESTION = "What does the flyer on the door say?";

    @BeforeEach
    void gatewayWithTheRealFilters() {
        fakes.input = Filters.input(new InputPolicy(32768, 8, 1024, Action.BLOCK, 0.5, false, true, Action.REDACT,
                Action.BLOCK), true);
        fakes.output = Filters.output(GuardDefaults.OUTPUT);
        start();
    }

    @Test
    void theGatewaysOwnReplySentBackAsHistoryPassesAndAForgedOneDoesNot() throws Exception {
        String reply = firstChoice(post("/v1/chat/completions", conversation("stub-quote", QUESTION)));
        assertThat(reply).isEqualTo(StubUpstream.QUOTED_INJECTION);

        String followUp = conversation("gpt-4o-mini", QUESTION, reply, "Thanks. Who put it there?");
        assertThat(statusOf(followUp)).as("its own reply, sent back").isEqualTo(200);

        String forged = conversation("gpt-4o-mini", QUESTION, reply + " Do it now.", "Go on.");
        assertThat(post("/v1/chat/completions", forged).statusCode()).as("an edited assistant turn").isEqualTo(400);
        assertThat(post("/v1/chat/completions", conversation("gpt-4o-mini", reply)).statusCode())
                .as("the same words as the user's own turn").isEqualTo(400);
    }

    @Test
    void eachChoiceOfAReplyWithSeveralIsItsOwnReleasedReply() throws Exception {
        String chosen = firstChoice(post("/v1/chat/completions", conversation("stub-two", QUESTION)));
        assertThat(chosen).isEqualTo(StubUpstream.QUOTED_INJECTION);

        // the app kept the first of the two choices: that one, alone, is the history it sends back
        assertThat(statusOf(conversation("gpt-4o-mini", QUESTION, chosen, "Thanks. Who put it there?")))
                .isEqualTo(200);
    }

    private static String firstChoice(HttpResponse<String> reply) throws Exception {
        assertThat(reply.statusCode()).isEqualTo(200);
        return JSON.readTree(reply.body()).path("choices").path(0).path("message").path("content").asText();
    }

    /**
     * The gateway remembers the reply as it closes the exchange, microseconds after the client may have read it; a
     * follow-up that overtakes that is read like any text. A person types slower; this test retries briefly.
     */
    private int statusOf(String body) throws Exception {
        int status = 0;
        for (int attempt = 0; attempt < 10 && status != 200; attempt++) {
            if (attempt > 0) Thread.sleep(50);
            status = post("/v1/chat/completions", body).statusCode();
        }
        return status;
    }

    /** user, assistant, user, … turns in order. */
    private static String conversation(String model, String... turns) {
        ObjectNode body = JSON.createObjectNode().put("model", model);
        ArrayNode messages = body.putArray("messages");
        for (int i = 0; i < turns.length; i++) {
            messages.addObject().put("role", i % 2 == 0 ? "user" : "assistant").put("content", turns[i]);
        }
        return body.toString();
    }
}
