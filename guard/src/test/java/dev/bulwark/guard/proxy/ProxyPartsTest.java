package dev.bulwark.guard.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.guard.config.Upstream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small pure parts: SSE framing, upstream choice, URL joining, strict JSON, error classes. */
class ProxyPartsTest {

    @Test
    void sseFramesSplitMultiLinePayloads() {
        assertThat(SseWriter.frame("{\"a\":1}").toString()).isEqualTo("data: {\"a\":1}\n\n");
        assertThat(SseWriter.frame("one\r\ntwo").toString()).isEqualTo("data: one\ndata: two\n\n");
    }

    private static Upstream upstream(String id, String... models) {
        return new Upstream(id, URI.create("http://127.0.0.1:1"), Upstream.Flavor.OPENAI, null, List.of(models),
                Duration.ofSeconds(1), null);
    }

    @Test
    void upstreamsArePickedExactThenPatternThenDefault() {
        UpstreamRouter router = new UpstreamRouter(List.of(upstream("fallback", "*"), upstream("claude", "claude-*"),
                upstream("local", "llama3", "mistral")));
        assertThat(router.pick("llama3")).map(Upstream::id).contains("local");
        assertThat(router.pick("claude-3-haiku")).map(Upstream::id).contains("claude");
        assertThat(router.pick("gpt-4o")).map(Upstream::id).contains("fallback");
        assertThat(router.pick(null)).map(Upstream::id).contains("fallback");
        assertThat(new UpstreamRouter(List.of(upstream("local", "llama3"))).pick("gpt-4o")).isEmpty();
    }

    @Test
    void globMatchesLiterallyExceptStars() {
        assertThat(new dev.bulwark.guard.access.ModelPattern("gpt-*-mini").matches("gpt-4o-mini")).isTrue();
        assertThat(new dev.bulwark.guard.access.ModelPattern("gpt-*").matches("gpt")).isFalse();
        assertThat(new dev.bulwark.guard.access.ModelPattern("a.c").matches("abc")).isFalse();
        assertThat(new dev.bulwark.guard.access.ModelPattern("*".repeat(50) + "b").matches("a".repeat(200))).isFalse();
    }

    @Test
    void upstreamUrlsKeepTheirBasePath() {
        assertThat(UpstreamCall.target(URI.create("http://h:1/v1/"), "/chat/completions")).isEqualTo("http://h:1/v1/chat/completions");
        assertThat(UpstreamCall.target(URI.create("http://h:1"), "v1/models")).isEqualTo("http://h:1/v1/models");
    }

    @Test
    void strictJsonRefusesWhatParsersDisagreeOn() {
        assertThatThrownBy(() -> JsonBodies.parseObject("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonBodies.NotAnObject.class);
        assertThatThrownBy(() -> JsonBodies.parseObject("{} []".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonBodies.NotAnObject.class);
        assertThatThrownBy(() -> JsonBodies.parseObject(new byte[0])).isInstanceOf(JsonBodies.NotAnObject.class);
    }

    @Test
    void upstreamStatusesKeepTheirClassWithoutUpstreamText() {
        assertThat(ErrorReplies.upstreamStatus(429).status()).isEqualTo(429);
        assertThat(ErrorReplies.upstreamStatus(401).status()).isEqualTo(502); // the gateway's own key was refused
        assertThat(ErrorReplies.upstreamStatus(503).status()).isEqualTo(502);
        assertThat(UpstreamCall.classify(new java.net.ConnectException("refused"), false).refusal.status()).isEqualTo(502);
        assertThat(UpstreamCall.classify(new java.util.concurrent.TimeoutException(), false).refusal.status()).isEqualTo(504);
    }

    @Test
    void usageFallsBackToAnEstimate() throws Exception {
        var reply = JsonBodies.MAPPER.readTree("{\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4}}");
        assertThat(Usage.reported(reply).total()).isEqualTo(7);
        assertThat(Usage.NONE.orEstimate("12345678", "1234")).isEqualTo(new Usage(2, 1));
    }
}
