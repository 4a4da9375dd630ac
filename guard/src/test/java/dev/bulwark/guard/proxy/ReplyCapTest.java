package dev.bulwark.guard.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.pipeline.Decision;
import dev.bulwark.guard.pipeline.Route;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An upstream that ignores max_tokens: the client still gets no more than it asked for. */
class ReplyCapTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode reply(String content, long completionTokens) throws Exception {
        ObjectNode r = (ObjectNode) JSON.readTree("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":" + completionTokens
                + ",\"total_tokens\":" + (10 + completionTokens) + "}}");
        ((ObjectNode) r.at("/choices/0/message")).put("content", content);
        return r;
    }

    @Test
    void aReplyPastMaxTokensIsCutAndEndsForLength() throws Exception {
        ObjectNode r = reply("word ".repeat(1000), 1000);
        Optional<Decision> cut = ReplyCap.apply(Route.CHAT, r, 32);
        assertThat(cut).hasValueSatisfying(d -> assertThat(d.action()).isEqualTo("truncated"));
        assertThat(r.at("/choices/0/message/content").asText()).hasSize(32 * ReplyCap.CHARS_PER_TOKEN);
        assertThat(r.at("/choices/0/finish_reason").asText()).isEqualTo("length");
        assertThat(r.at("/usage/completion_tokens").asLong()).isEqualTo(32);
        assertThat(r.at("/usage/total_tokens").asLong()).isEqualTo(42);
    }

    @Test
    void aReplyWithinTheLimitIsUntouched() throws Exception {
        ObjectNode r = reply("We open at nine.", 5);
        String before = r.toString();
        assertThat(ReplyCap.apply(Route.CHAT, r, 32)).isEmpty();
        assertThat(r.toString()).isEqualTo(before);
    }

    @Test
    void theLimitIsReadFromEitherField() throws Exception {
        assertThat(ReplyCap.limitOf((ObjectNode) JSON.readTree("{\"max_tokens\":64}"))).contains(64L);
        assertThat(ReplyCap.limitOf((ObjectNode) JSON.readTree("{\"max_completion_tokens\":16,\"max_tokens\":64}")))
                .contains(16L);
        assertThat(ReplyCap.limitOf((ObjectNode) JSON.readTree("{\"max_tokens\":\"lots\"}"))).isEmpty();
        assertThat(ReplyCap.limitOf((ObjectNode) JSON.readTree("{}"))).isEmpty();
    }

    @Test
    void completionsTextIsCutToo() throws Exception {
        ObjectNode r = (ObjectNode) JSON.readTree("{\"choices\":[{\"index\":0,\"text\":\"" + "x".repeat(500) + "\"}]}");
        assertThat(ReplyCap.apply(Route.COMPLETIONS, r, 10)).isPresent();
        assertThat(r.at("/choices/0/text").asText()).hasSize(40);
    }
}
