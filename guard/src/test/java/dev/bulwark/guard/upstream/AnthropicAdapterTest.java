package dev.bulwark.guard.upstream;

import static dev.bulwark.guard.upstream.Fixtures.body;
import static dev.bulwark.guard.upstream.Fixtures.json;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnthropicAdapterTest {
    private final AnthropicAdapter adapter = new AnthropicAdapter(Fixtures.STAMPS);
    private final Upstream anthropic = Fixtures.upstream("https://api.anthropic.com", Upstream.Flavor.ANTHROPIC,
            new HeaderValue("x-api-key", "sk-ant-test"), null);

    @Test
    void aChatRequestBecomesAMessagesRequest() {
        String client = """
                {"model":"claude-sonnet-4-5","temperature":1.5,"top_p":0.9,"stop":"END","user":"u-1","presence_penalty":1,
                 "messages":[
                   {"role":"system","content":"You are terse."},
                   {"role":"developer","content":[{"type":"text","text":"Answer in English."}]},
                   {"role":"user","content":"Hello"},
                   {"role":"user","content":[{"type":"text","text":"Look:"},{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]},
                   {"role":"assistant","content":"Hi"},
                   {"role":"user","content":"Bye"}]}""";
        UpstreamRequest request = adapter.request(Route.CHAT, json(client), anthropic, false);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo("/v1/messages");
        assertThat(request.headers()).containsEntry("x-api-key", "sk-ant-test").containsEntry("anthropic-version", "2023-06-01")
                .containsEntry("content-type", "application/json");
        assertThat(body(request)).isEqualTo(json("""
                {"model":"claude-sonnet-4-5","system":"You are terse.\\n\\nAnswer in English.",
                 "messages":[
                   {"role":"user","content":[{"type":"text","text":"Hello"},{"type":"text","text":"Look:"},
                     {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]},
                   {"role":"assistant","content":[{"type":"text","text":"Hi"}]},
                   {"role":"user","content":[{"type":"text","text":"Bye"}]}],
                 "max_tokens":1024,"temperature":1.0,"top_p":0.9,"stop_sequences":["END"],"metadata":{"user_id":"u-1"}}"""));
    }

    @Test
    void toolsToolCallsAndToolResultsBecomeBlocks() {
        String client = """
                {"model":"claude","max_tokens":300,"stream":true,"tool_choice":"required","parallel_tool_calls":false,
                 "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather now",
                           "parameters":{"type":"object","properties":{"location":{"type":"string"}}}}}],
                 "messages":[
                   {"role":"user","content":"Weather in Paris?"},
                   {"role":"assistant","content":null,"tool_calls":[{"id":"toolu_1","type":"function",
                     "function":{"name":"get_weather","arguments":"{\\"location\\":\\"Paris\\"}"}}]},
                   {"role":"tool","tool_call_id":"toolu_1","content":"18 C"},
                   {"role":"user","content":"Thanks"}]}""";
        UpstreamRequest request = adapter.request(Route.CHAT, json(client), anthropic, true);
        assertThat(request.headers()).containsEntry("accept", "text/event-stream");
        assertThat(body(request)).isEqualTo(json("""
                {"model":"claude",
                 "messages":[
                   {"role":"user","content":[{"type":"text","text":"Weather in Paris?"}]},
                   {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"location":"Paris"}}]},
                   {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"18 C"},{"type":"text","text":"Thanks"}]}],
                 "max_tokens":300,
                 "tools":[{"name":"get_weather","description":"Weather now","input_schema":{"type":"object","properties":{"location":{"type":"string"}}}}],
                 "tool_choice":{"type":"any","disable_parallel_tool_use":true},
                 "stream":true}"""));
    }

    @Test
    void aCompletionsPromptIsOneUserTurnAndBaseV1IsNotDoubled() {
        Upstream v1 = Fixtures.upstream("https://gw.example/anthropic/v1/", Upstream.Flavor.ANTHROPIC, null, null);
        UpstreamRequest request = adapter.request(Route.COMPLETIONS, json("{\"model\":\"c\",\"prompt\":[\"Once\"],\"max_tokens\":16}"), v1, false);
        assertThat(request.pathAndQuery()).isEqualTo("/messages");
        assertThat(body(request)).isEqualTo(json("{\"model\":\"c\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Once\"}]}],\"max_tokens\":16}"));
    }

    @Test
    void whatAnthropicCannotDoIsRefusedClearly() {
        assertThatThrownBy(() -> adapter.request(Route.EMBEDDINGS, json("{\"model\":\"c\",\"input\":\"x\"}"), anthropic, false))
                .isInstanceOf(UnsupportedRequestException.class).hasMessageContaining("embeddings");
        assertThatThrownBy(() -> adapter.request(Route.CHAT, json("{\"model\":\"c\",\"n\":2,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"), anthropic, false))
                .isInstanceOf(UnsupportedRequestException.class).hasMessageContaining("'n'");
        assertThatThrownBy(() -> adapter.request(Route.CHAT, json("{\"model\":\"c\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_audio\"}]}]}"), anthropic, false))
                .isInstanceOf(UnsupportedRequestException.class).hasMessageContaining("input_audio");
        assertThatThrownBy(() -> adapter.request(Route.CHAT, json("{\"model\":\"c\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"file:///etc/passwd\"}}]}]}"), anthropic, false))
                .isInstanceOf(UnsupportedRequestException.class);
        assertThatThrownBy(() -> adapter.request(Route.CHAT, json("{\"model\":\"c\",\"messages\":[{\"role\":\"system\",\"content\":\"only system\"}]}"), anthropic, false))
                .isInstanceOf(UnsupportedRequestException.class);
        assertThatThrownBy(() -> adapter.request(Route.CHAT, json("{\"model\":\"c\",\"max_tokens\":-5,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"), anthropic, false))
                .isInstanceOf(UnsupportedRequestException.class).hasMessageContaining("max_tokens");
    }

    @Test
    void modelsAreListedInOpenAisShape() {
        UpstreamRequest request = adapter.request(Route.MODELS, null, anthropic, false);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.pathAndQuery()).isEqualTo("/v1/models?limit=1000");
        var list = adapter.response(Route.MODELS, json("""
                {"data":[{"type":"model","id":"claude-sonnet-4-5-20250929","display_name":"Claude Sonnet 4.5","created_at":"2025-09-29T00:00:00Z"}],
                 "has_more":false,"first_id":"claude-sonnet-4-5-20250929","last_id":"claude-sonnet-4-5-20250929"}"""), null);
        assertThat(Fixtures.reparsed(list)).isEqualTo(json("""
                {"object":"list","data":[{"id":"claude-sonnet-4-5-20250929","object":"model","created":1759104000,"owned_by":"anthropic"}]}"""));
    }

    @Test
    void aReplyBecomesAChatCompletion() {
        var reply = json("""
                {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
                 "content":[{"type":"text","text":"Hello"},{"type":"text","text":" there"}],
                 "stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":10,"cache_read_input_tokens":5,"output_tokens":4}}""");
        assertThat(Fixtures.reparsed(adapter.response(Route.CHAT, reply, "claude"))).isEqualTo(json("""
                {"id":"msg_01","object":"chat.completion","created":1700000000,"model":"claude-sonnet-4-5-20250929",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Hello there"},"logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":15,"completion_tokens":4,"total_tokens":19}}"""));
    }

    @Test
    void aToolUseReplyBecomesToolCalls() {
        var reply = json("""
                {"id":"msg_02","type":"message","role":"assistant","model":"claude",
                 "content":[{"type":"tool_use","id":"toolu_9","name":"get_weather","input":{"location":"Paris"}}],
                 "stop_reason":"tool_use","usage":{"input_tokens":1,"output_tokens":2}}""");
        var message = adapter.response(Route.CHAT, reply, "claude").path("choices").path(0);
        assertThat(message.path("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(message.path("message")).isEqualTo(json("""
                {"role":"assistant","content":null,"tool_calls":[{"id":"toolu_9","type":"function",
                  "function":{"name":"get_weather","arguments":"{\\"location\\":\\"Paris\\"}"}}]}"""));
    }

    @ParameterizedTest
    @CsvSource({"end_turn, stop", "max_tokens, length", "stop_sequence, stop", "tool_use, tool_calls", "refusal, content_filter", "pause_turn, stop"})
    void stopReasonsMapToFinishReasons(String stopReason, String finishReason) {
        assertThat(AnthropicAdapter.finishReason(stopReason)).isEqualTo(finishReason);
    }

    @Test
    void aCompletionsReplyIsATextCompletion() {
        var reply = json("{\"id\":\"msg_3\",\"model\":\"c\",\"content\":[{\"type\":\"text\",\"text\":\" upon a time\"}],\"stop_reason\":\"max_tokens\",\"usage\":{\"input_tokens\":2,\"output_tokens\":3}}");
        assertThat(Fixtures.reparsed(adapter.response(Route.COMPLETIONS, reply, "c"))).isEqualTo(json("""
                {"id":"msg_3","object":"text_completion","created":1700000000,"model":"c",
                 "choices":[{"index":0,"text":" upon a time","logprobs":null,"finish_reason":"length"}],
                 "usage":{"prompt_tokens":2,"completion_tokens":3,"total_tokens":5}}"""));
    }

    @Test
    void aMalformedReplyIsAnExceptionNotACrash() {
        assertThatThrownBy(() -> adapter.response(Route.CHAT, json("{\"content\":\"not blocks\"}"), "c")).isInstanceOf(UpstreamReplyException.class);
        assertThatThrownBy(() -> adapter.response(Route.CHAT, json("{\"content\":[{\"type\":\"tool_use\"}]}"), "c")).isInstanceOf(UpstreamReplyException.class);
        assertThatThrownBy(() -> adapter.response(Route.MODELS, json("{}"), "c")).isInstanceOf(UpstreamReplyException.class);
    }

    @Test
    void aTextStreamBecomesChunks() throws Exception {
        List<String> out = Fixtures.decodeByteByByte(adapter.streamDecoder(Route.CHAT, "claude"), Fixtures.resource("anthropic-chat.sse"));
        String head = "\"id\":\"msg_01XFDUDYJgAACzvnptvVoYEL\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"claude-sonnet-4-5-20250929\"";
        Fixtures.assertPayloads(out,
                "{" + head + ",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}]}",
                "{" + head + ",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello\"},\"logprobs\":null,\"finish_reason\":null}]}",
                "{" + head + ",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" wörld 👋\"},\"logprobs\":null,\"finish_reason\":null}]}",
                "{" + head + ",\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":25,\"completion_tokens\":15,\"total_tokens\":40}}",
                "[DONE]");
        Fixtures.assertWellFormedChatStream(out);
    }

    @Test
    void aToolStreamBecomesToolCallDeltas() throws Exception {
        List<String> out = Fixtures.decode(adapter.streamDecoder(Route.CHAT, "claude"), Fixtures.resource("anthropic-tools.sse"));
        Fixtures.assertWellFormedChatStream(out);
        assertThat(out).hasSize(7);
        assertThat(json(out.get(2)).path("choices").path(0).path("delta")).isEqualTo(json("""
                {"tool_calls":[{"index":0,"id":"toolu_01T1x1fJ34qAmk2tNTrN7Up6","type":"function","function":{"name":"get_weather","arguments":""}}]}"""));
        StringBuilder arguments = new StringBuilder();
        for (String payload : out.subList(3, 5)) {
            arguments.append(json(payload).path("choices").path(0).path("delta").path("tool_calls").path(0).path("function").path("arguments").asText());
        }
        assertThat(json(arguments.toString())).isEqualTo(json("{\"location\":\"San Francisco, CA\"}"));
        assertThat(json(out.get(5)).path("choices").path(0).path("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(json(out.get(5)).path("usage").path("total_tokens").asInt()).isEqualTo(561);
    }

    @Test
    void aCompletionsStreamIsTextCompletionChunks() throws Exception {
        List<String> out = Fixtures.decode(adapter.streamDecoder(Route.COMPLETIONS, "claude"), Fixtures.resource("anthropic-chat.sse"));
        assertThat(out).hasSize(4).last().isEqualTo("[DONE]");
        assertThat(json(out.get(0))).isEqualTo(json("""
                {"id":"msg_01XFDUDYJgAACzvnptvVoYEL","object":"text_completion","created":1700000000,"model":"claude-sonnet-4-5-20250929",
                 "choices":[{"index":0,"text":"Hello","logprobs":null,"finish_reason":null}]}"""));
    }

    @Test
    void anErrorEventEndsTheStreamWithAGenericFormatError() throws Exception {
        var decoder = adapter.streamDecoder(Route.CHAT, "claude");
        byte[] start = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"model\":\"c\",\"usage\":{\"input_tokens\":1}}}\n\n".getBytes(UTF_8);
        assertThat(decoder.feed(start)).hasSize(1);
        byte[] error = "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded at node 7\"}}\n\n".getBytes(UTF_8);
        assertThatThrownBy(() -> decoder.feed(error)).isInstanceOf(StreamFormatException.class)
                .message().doesNotContain("node 7").doesNotContain("overloaded");
    }

    @Test
    void malformedEventsAndTruncatedStreamsAreHandled() throws Exception {
        assertThatThrownBy(() -> adapter.streamDecoder(Route.CHAT, "c").feed("event: content_block_delta\ndata: {\"type\":\n\n".getBytes(UTF_8)))
                .isInstanceOf(StreamFormatException.class);
        // nonsense shapes are skipped, not crashes; a stream cut before message_stop still ends with [DONE]
        String odd = "data: {\"type\":\"content_block_delta\",\"index\":\"x\",\"delta\":[1]}\n\ndata: {\"type\":\"message_start\",\"message\":7}\n\n"
                + "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"a\"}}\n\n";
        List<String> out = Fixtures.decode(adapter.streamDecoder(Route.CHAT, "c"), odd.getBytes(UTF_8));
        Fixtures.assertWellFormedChatStream(out);
        assertThat(json(out.get(0)).path("model").asText()).isEqualTo("c");
    }
}
