package dev.bulwark.guard.upstream;

import static dev.bulwark.guard.upstream.Fixtures.body;
import static dev.bulwark.guard.upstream.Fixtures.json;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.guard.config.HeaderValue;
import dev.bulwark.guard.config.Upstream;
import dev.bulwark.guard.pipeline.Route;
import dev.bulwark.guard.pipeline.UpstreamAdapter;
import dev.bulwark.guard.pipeline.UpstreamAdapter.UpstreamRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenAiAdapterTest {
    private final UpstreamAdapter adapter = UpstreamAdapters.forFlavor(Upstream.Flavor.OPENAI);
    private static final HeaderValue BEARER = new HeaderValue("Authorization", "Bearer sk-test");

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:11434, CHAT, /v1/chat/completions",
            "http://127.0.0.1:11434/v1, CHAT, /chat/completions",
            "https://api.openai.com/v1/, COMPLETIONS, /completions",
            "http://vllm:8000/openai/v1, EMBEDDINGS, /embeddings",
            "http://vllm:8000/v10, CHAT, /v1/chat/completions",
            "http://127.0.0.1:11434, MODELS, /v1/models"})
    void doesNotDoubleV1(String base, Route route, String path) {
        UpstreamRequest request = adapter.request(route, json("{\"model\":\"m\"}"), Fixtures.upstream(base, Upstream.Flavor.OPENAI, null, null), false);
        assertThat(request.pathAndQuery()).isEqualTo(path);
        assertThat(request.method()).isEqualTo(route == Route.MODELS ? "GET" : "POST");
    }

    @Test
    void passesTheBodyAndAddsOnlyTheUpstreamsAuth() {
        String client = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":0.2}";
        UpstreamRequest request = adapter.request(Route.CHAT, json(client),
                Fixtures.upstream("https://api.openai.com", Upstream.Flavor.OPENAI, BEARER, null), false);
        assertThat(body(request)).isEqualTo(json(client));
        assertThat(request.headers()).containsEntry("Authorization", "Bearer sk-test")
                .containsEntry("content-type", "application/json").containsEntry("accept", "application/json");
        UpstreamRequest open = adapter.request(Route.CHAT, json(client), Fixtures.upstream("http://x", Upstream.Flavor.OPENAI, null, null), false);
        assertThat(open.headers()).doesNotContainKey("Authorization");
    }

    @Test
    void setsTheStreamFlagTheProxyReadsWithoutTouchingTheCallersBody() {
        var client = json("{\"model\":\"m\",\"messages\":[],\"stream\":false}");
        UpstreamRequest request = adapter.request(Route.CHAT, client, Fixtures.upstream("http://x", Upstream.Flavor.OPENAI, null, null), true);
        assertThat(body(request).get("stream").booleanValue()).isTrue();
        assertThat(request.headers()).containsEntry("accept", "text/event-stream");
        assertThat(client.get("stream").booleanValue()).isFalse();
    }

    @Test
    void aStreamPassesUnchangedWithDoneOnceAtTheEnd() throws Exception {
        byte[] recorded = Fixtures.resource("openai-chat.sse");
        List<String> out = Fixtures.decodeByteByByte(adapter.streamDecoder(Route.CHAT, "gpt-4o-mini"), recorded);
        assertThat(out).hasSize(5).last().isEqualTo("[DONE]");
        assertThat(out.get(1)).isEqualTo("{\"id\":\"chatcmpl-AB1\",\"object\":\"chat.completion.chunk\",\"created\":1727000000,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_1\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\"Grüße, \"},\"logprobs\":null,\"finish_reason\":null}]}");
        Fixtures.assertWellFormedChatStream(out);
    }

    @Test
    void doneIsAddedWhenTheUpstreamForgotItAndWhatFollowsDoneIsDropped() throws Exception {
        var decoder = adapter.streamDecoder(Route.CHAT, "m");
        assertThat(Fixtures.decode(decoder, "data: {\"a\":1}\n\n".getBytes(UTF_8))).containsExactly("{\"a\":1}", "[DONE]");
        var again = adapter.streamDecoder(Route.CHAT, "m");
        assertThat(Fixtures.decode(again, "data: [DONE]\n\ndata: {\"late\":1}\n\ndata: [DONE]\n\n".getBytes(UTF_8))).containsExactly("[DONE]");
    }

    @Test
    void theWholeReplyPassesAsItIs() {
        var reply = json("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[]}");
        assertThat(adapter.response(Route.CHAT, reply, "m")).isEqualTo(reply);
    }
}
