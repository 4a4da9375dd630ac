package dev.bulwark.guard.upstream;

import static dev.bulwark.guard.upstream.Fixtures.body;
import static dev.bulwark.guard.upstream.Fixtures.json;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.guard.config.HeaderValue;
import dev.bulwark.guard.config.Upstream;
import dev.bulwark.guard.pipeline.Route;
import dev.bulwark.guard.pipeline.UpstreamAdapter;
import dev.bulwark.guard.pipeline.UpstreamAdapter.StreamFormatException;
import dev.bulwark.guard.pipeline.UpstreamAdapter.UpstreamRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class AzureAdapterTest {
    private final UpstreamAdapter adapter = UpstreamAdapters.forFlavor(Upstream.Flavor.AZURE);
    private final Upstream azure = Fixtures.upstream("https://contoso.openai.azure.com", Upstream.Flavor.AZURE,
            new HeaderValue("api-key", "azure-secret"), "2024-06-01");

    @Test
    void putsTheDeploymentInThePathAndTheVersionInTheQuery() {
        String client = "{\"model\":\"gpt-4o prod\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":50}";
        UpstreamRequest request = adapter.request(Route.CHAT, json(client), azure, false);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo("/openai/deployments/gpt-4o%20prod/chat/completions?api-version=2024-06-01");
        assertThat(request.headers()).containsEntry("api-key", "azure-secret").containsEntry("content-type", "application/json");
        assertThat(body(request)).isEqualTo(json("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":50}"));
    }

    @Test
    void completionsAndEmbeddingsUseTheirOperationAndADefaultVersion() {
        Upstream noVersion = Fixtures.upstream("https://contoso.openai.azure.com", Upstream.Flavor.AZURE, null, null);
        assertThat(adapter.request(Route.COMPLETIONS, json("{\"model\":\"d1\",\"prompt\":\"x\"}"), noVersion, true).pathAndQuery())
                .isEqualTo("/openai/deployments/d1/completions?api-version=" + AzureAdapter.DEFAULT_API_VERSION);
        UpstreamRequest embed = adapter.request(Route.EMBEDDINGS, json("{\"model\":\"../e\",\"input\":\"x\"}"), noVersion, false);
        assertThat(embed.pathAndQuery()).startsWith("/openai/deployments/..%2Fe/embeddings?");
        assertThat(body(embed)).isEqualTo(json("{\"input\":\"x\"}"));
    }

    @Test
    void modelsAndMissingModelsAreRefusedClearly() {
        assertThatThrownBy(() -> adapter.request(Route.MODELS, null, azure, false)).isInstanceOf(UnsupportedRequestException.class);
        assertThatThrownBy(() -> adapter.request(Route.CHAT, json("{\"messages\":[]}"), azure, false))
                .isInstanceOf(UnsupportedRequestException.class).hasMessageContaining("model");
    }

    @Test
    void theWholeReplyLosesAzuresFilterAnnotations() {
        var reply = json("""
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o",
                 "prompt_filter_results":[{"prompt_index":0,"content_filter_results":{}}],
                 "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"Hi"},
                             "content_filter_results":{"hate":{"filtered":false,"severity":"safe"}}}],
                 "usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}""");
        assertThat(adapter.response(Route.CHAT, reply, "gpt-4o")).isEqualTo(json("""
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o",
                 "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"Hi"}}],
                 "usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}"""));
        assertThat(reply.has("prompt_filter_results")).as("the input is not changed").isTrue();
    }

    @Test
    void theStreamSkipsTheAnnotationsOnlyChunkAndStripsTheRest() throws Exception {
        List<String> out = Fixtures.decodeByteByByte(adapter.streamDecoder(Route.CHAT, "gpt-4o"), Fixtures.resource("azure-chat.sse"));
        Fixtures.assertPayloads(out,
                "{\"choices\":[{\"delta\":{\"content\":\"\",\"role\":\"assistant\"},\"finish_reason\":null,\"index\":0,\"logprobs\":null}],"
                        + "\"created\":1727100000,\"id\":\"chatcmpl-AZ1\",\"model\":\"gpt-4o-2024-08-06\",\"object\":\"chat.completion.chunk\",\"system_fingerprint\":\"fp_az\"}",
                "{\"choices\":[{\"delta\":{\"content\":\"Hello\"},\"finish_reason\":null,\"index\":0,\"logprobs\":null}],"
                        + "\"created\":1727100000,\"id\":\"chatcmpl-AZ1\",\"model\":\"gpt-4o-2024-08-06\",\"object\":\"chat.completion.chunk\",\"system_fingerprint\":\"fp_az\"}",
                "{\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\",\"index\":0,\"logprobs\":null}],"
                        + "\"created\":1727100000,\"id\":\"chatcmpl-AZ1\",\"model\":\"gpt-4o-2024-08-06\",\"object\":\"chat.completion.chunk\",\"system_fingerprint\":\"fp_az\"}",
                "[DONE]");
        Fixtures.assertWellFormedChatStream(out);
    }

    @Test
    void anAsyncFilterChunkWithoutDeltaGetsAnEmptyDelta() throws Exception {
        String chunk = "data: {\"choices\":[{\"content_filter_offsets\":{},\"content_filter_results\":{},\"finish_reason\":null,\"index\":0}],"
                + "\"created\":1,\"id\":\"c\",\"model\":\"m\",\"object\":\"chat.completion.chunk\"}\n\n";
        List<String> out = Fixtures.decode(adapter.streamDecoder(Route.CHAT, "m"), chunk.getBytes(UTF_8));
        assertThat(json(out.get(0)).path("choices").path(0).path("delta").isObject()).isTrue();
    }

    @Test
    void errorsAndMalformedChunksEndTheStreamWithAFormatError() {
        assertThatThrownBy(() -> Fixtures.decode(adapter.streamDecoder(Route.CHAT, "m"),
                "data: {\"error\":{\"message\":\"internal detail\"}}\n\n".getBytes(UTF_8)))
                .isInstanceOf(StreamFormatException.class).message().doesNotContain("internal detail");
        assertThatThrownBy(() -> Fixtures.decode(adapter.streamDecoder(Route.CHAT, "m"), "data: {not json\n\n".getBytes(UTF_8)))
                .isInstanceOf(StreamFormatException.class);
    }
}
