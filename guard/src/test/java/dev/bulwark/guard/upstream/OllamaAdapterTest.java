package dev.bulwark.guard.upstream;

import static dev.bulwark.guard.upstream.Fixtures.body;
import static dev.bulwark.guard.upstream.Fixtures.json;
import static dev.bulwark.guard.upstream.Fixtures.reparsed;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.guard.config.HeaderValue;
import dev.bulwark.guard.config.Upstream;
import dev.bulwark.guard.pipeline.Route;
import dev.bulwark.guard.pipeline.UpstreamAdapter.StreamFormatException;
import dev.bulwark.guard.pipeline.UpstreamAdapter.UpstreamRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class OllamaAdapterTest {
    private final OllamaAdapter adapter = new OllamaAdapter(Fixtures.STAMPS);
    private final Upstream ollama = Fixtures.upstream("http://127.0.0.1:11434", Upstream.Flavor.OLLAMA,
            new HeaderValue("Authorization", "Bearer local"), null);

    @Test
    void aChatRequestBecomesApiChatWithOptions() {
        String client = """
                {"model":"llama3.2","temperature":0.3,"top_p":0.8,"max_tokens":64,"stop":["\\n\\n"],"seed":7,
                 "response_format":{"type":"json_object"},
                 "messages":[{"role":"system","content":"Be brief."},
                   {"role":"user","content":[{"type":"text","text":"What is this?"},{"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/4AAQ"}}]},
                   {"role":"assistant","content":"","tool_calls":[{"id":"call_1","type":"function","function":{"name":"lookup","arguments":"{\\"q\\":\\"x\\"}"}}]},
                   {"role":"tool","tool_call_id":"call_1","content":"found"}]}""";
        UpstreamRequest request = adapter.request(Route.CHAT, json(client), ollama, true);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo("/api/chat");
        assertThat(request.headers()).containsEntry("Authorization", "Bearer local").containsEntry("accept", "application/x-ndjson");
        assertThat(body(request)).isEqualTo(json("""
                {"model":"llama3.2","stream":true,
                 "messages":[{"role":"system","content":"Be brief."},
                   {"role":"user","content":"What is this?","images":["/9j/4AAQ"]},
                   {"role":"assistant","content":"","tool_calls":[{"function":{"name":"lookup","arguments":{"q":"x"}}}]},
                   {"role":"tool","content":"found","tool_name":"lookup"}],
                 "format":"json",
                 "options":{"temperature":0.3,"top_p":0.8,"seed":7,"num_predict":64,"stop":["\\n\\n"]}}"""));
    }

    @Test
    void completionsEmbeddingsAndModelsUseTheirNativeEndpoints() {
        UpstreamRequest generate = adapter.request(Route.COMPLETIONS, json("{\"model\":\"m\",\"prompt\":\"Once\",\"max_completion_tokens\":5}"), ollama, false);
        assertThat(generate.pathAndQuery()).isEqualTo("/api/generate");
        assertThat(body(generate)).isEqualTo(json("{\"model\":\"m\",\"stream\":false,\"prompt\":\"Once\",\"options\":{\"num_predict\":5}}"));
        UpstreamRequest embed = adapter.request(Route.EMBEDDINGS, json("{\"model\":\"all-minilm\",\"input\":[\"a\",\"b\"],\"encoding_format\":\"base64\"}"), ollama, false);
        assertThat(embed.pathAndQuery()).isEqualTo("/api/embed");
        assertThat(body(embed)).isEqualTo(json("{\"model\":\"all-minilm\",\"input\":[\"a\",\"b\"]}"));
        UpstreamRequest tags = adapter.request(Route.MODELS, null, ollama, false);
        assertThat(tags.method()).isEqualTo("GET");
        assertThat(tags.pathAndQuery()).isEqualTo("/api/tags");
        assertThat(tags.headers()).doesNotContainKey("content-type");
    }

    @Test
    void whatOllamaCannotDoIsRefusedClearly() {
        assertThatThrownBy(() -> adapter.request(Route.CHAT, json("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"http://169.254.169.254/x.png\"}}]}]}"), ollama, false))
                .isInstanceOf(UnsupportedRequestException.class).hasMessageContaining("inline");
        assertThatThrownBy(() -> adapter.request(Route.EMBEDDINGS, json("{\"model\":\"m\",\"input\":[[1,2,3]]}"), ollama, false))
                .isInstanceOf(UnsupportedRequestException.class);
        assertThatThrownBy(() -> adapter.request(Route.CHAT, json("{\"model\":\"m\",\"messages\":\"hi\"}"), ollama, false))
                .isInstanceOf(UnsupportedRequestException.class);
    }

    @Test
    void aChatReplyBecomesAChatCompletion() {
        var reply = json("""
                {"model":"llama3.2","created_at":"2023-12-12T14:13:43.416799Z","message":{"role":"assistant","content":"Hello! How are you today?"},
                 "done":true,"done_reason":"stop","total_duration":5191566416,"prompt_eval_count":26,"eval_count":298}""");
        assertThat(reparsed(adapter.response(Route.CHAT, reply, "llama3.2"))).isEqualTo(json("""
                {"id":"chatcmpl-fixed","object":"chat.completion","created":1700000000,"model":"llama3.2",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Hello! How are you today?"},"logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":26,"completion_tokens":298,"total_tokens":324}}"""));
    }

    @Test
    void aToolCallReplyBecomesToolCalls() {
        var reply = json("""
                {"model":"llama3.2","message":{"role":"assistant","content":"",
                  "tool_calls":[{"function":{"name":"get_current_weather","arguments":{"format":"celsius","location":"Paris"}}}]},
                 "done":true,"done_reason":"stop"}""");
        var choice = adapter.response(Route.CHAT, reply, "llama3.2").path("choices").path(0);
        assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(reparsed(choice.path("message"))).isEqualTo(json("""
                {"role":"assistant","content":null,"tool_calls":[{"id":"call_fixed","type":"function",
                  "function":{"name":"get_current_weather","arguments":"{\\"format\\":\\"celsius\\",\\"location\\":\\"Paris\\"}"}}]}"""));
    }

    @Test
    void generateEmbedAndTagsRepliesTakeOpenAisShape() {
        var generate = json("{\"model\":\"m\",\"response\":\"Once upon\",\"done\":true,\"done_reason\":\"length\",\"prompt_eval_count\":3,\"eval_count\":2}");
        assertThat(reparsed(adapter.response(Route.COMPLETIONS, generate, "m"))).isEqualTo(json("""
                {"id":"cmpl-fixed","object":"text_completion","created":1700000000,"model":"m",
                 "choices":[{"index":0,"text":"Once upon","logprobs":null,"finish_reason":"length"}],
                 "usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}"""));
        var embed = json("{\"model\":\"all-minilm\",\"embeddings\":[[0.01,-0.02],[0.5,0.25]],\"prompt_eval_count\":8}");
        assertThat(reparsed(adapter.response(Route.EMBEDDINGS, embed, "all-minilm"))).isEqualTo(json("""
                {"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.01,-0.02]},{"object":"embedding","index":1,"embedding":[0.5,0.25]}],
                 "model":"all-minilm","usage":{"prompt_tokens":8,"total_tokens":8}}"""));
        var tags = json("{\"models\":[{\"name\":\"llama3.2:latest\",\"model\":\"llama3.2:latest\",\"modified_at\":\"2025-05-04T17:37:44.706015396-07:00\",\"size\":2019393189}]}");
        assertThat(reparsed(adapter.response(Route.MODELS, tags, null))).isEqualTo(json("""
                {"object":"list","data":[{"id":"llama3.2:latest","object":"model","created":1746405464,"owned_by":"ollama"}]}"""));
    }

    @Test
    void malformedRepliesAreExceptionsNotCrashes() {
        assertThatThrownBy(() -> adapter.response(Route.CHAT, json("{\"message\":\"x\"}"), "m")).isInstanceOf(UpstreamReplyException.class);
        assertThatThrownBy(() -> adapter.response(Route.COMPLETIONS, json("{}"), "m")).isInstanceOf(UpstreamReplyException.class);
        assertThatThrownBy(() -> adapter.response(Route.EMBEDDINGS, json("{\"embeddings\":[1]}"), "m")).isInstanceOf(UpstreamReplyException.class);
        assertThatThrownBy(() -> adapter.response(Route.CHAT, json("{\"error\":\"model not found at /root/.ollama\"}"), "m"))
                .isInstanceOf(UpstreamReplyException.class).message().doesNotContain("/root");
    }

    @Test
    void aChatStreamBecomesChunks() throws Exception {
        List<String> out = Fixtures.decodeByteByByte(adapter.streamDecoder(Route.CHAT, "llama3.2"), Fixtures.resource("ollama-chat.ndjson"));
        String head = "\"id\":\"chatcmpl-fixed\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"llama3.2\"";
        Fixtures.assertPayloads(out,
                "{" + head + ",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}]}",
                "{" + head + ",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"The\"},\"logprobs\":null,\"finish_reason\":null}]}",
                "{" + head + ",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" sky ☁️\"},\"logprobs\":null,\"finish_reason\":null}]}",
                "{" + head + ",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" is blue.\"},\"logprobs\":null,\"finish_reason\":null}]}",
                "{" + head + ",\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":26,\"completion_tokens\":282,\"total_tokens\":308}}",
                "[DONE]");
        Fixtures.assertWellFormedChatStream(out);
    }

    @Test
    void aGenerateStreamBecomesTextCompletionChunks() throws Exception {
        List<String> out = Fixtures.decode(adapter.streamDecoder(Route.COMPLETIONS, "llama3.2"), Fixtures.resource("ollama-generate.ndjson"));
        assertThat(out).hasSize(4).last().isEqualTo("[DONE]");
        assertThat(json(out.get(0)).path("choices").path(0).path("text").asText()).isEqualTo("Once");
        assertThat(json(out.get(2)).path("choices").path(0).path("finish_reason").asText()).isEqualTo("length");
        assertThat(json(out.get(2)).path("usage").path("total_tokens").asInt()).isEqualTo(9);
    }

    @Test
    void aStreamedToolCallBecomesAToolCallDelta() throws Exception {
        String lines = "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":{\"name\":\"f\",\"arguments\":{\"a\":1}}}]},\"done\":false}\n"
                + "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\"}\n";
        List<String> out = Fixtures.decode(adapter.streamDecoder(Route.CHAT, "m"), lines.getBytes(UTF_8));
        Fixtures.assertWellFormedChatStream(out);
        assertThat(json(out.get(2)).path("choices").path(0).path("delta").path("tool_calls").path(0).path("function").path("arguments").asText()).isEqualTo("{\"a\":1}");
        assertThat(json(out.get(3)).path("choices").path(0).path("finish_reason").asText()).isEqualTo("tool_calls");
    }

    @Test
    void errorLinesAndMalformedLinesEndTheStreamWithAFormatError() throws Exception {
        var decoder = adapter.streamDecoder(Route.CHAT, "m");
        assertThat(decoder.feed("{\"model\":\"m\",\"message\":{\"content\":\"a\"},\"done\":false}\n".getBytes(UTF_8))).hasSize(2);
        assertThatThrownBy(() -> decoder.feed("{\"error\":\"CUDA out of memory at 0x7f\"}\n".getBytes(UTF_8)))
                .isInstanceOf(StreamFormatException.class).message().doesNotContain("CUDA");
        assertThatThrownBy(() -> adapter.streamDecoder(Route.CHAT, "m").feed("{\"done\":tru\n".getBytes(UTF_8))).isInstanceOf(StreamFormatException.class);
        // a cut-off stream still ends with [DONE]
        assertThat(Fixtures.decode(adapter.streamDecoder(Route.CHAT, "m"), "{\"message\":{\"content\":\"a\"}}".getBytes(UTF_8)))
                .hasSize(3).last().isEqualTo("[DONE]");
    }
}
