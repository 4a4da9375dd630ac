package dev.bulwark.guard.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.config.Action;
import dev.bulwark.guard.config.OutputPolicy;
import dev.bulwark.guard.config.OutputPolicy.HtmlAction;
import dev.bulwark.guard.config.OutputPolicy.ImageAction;
import dev.bulwark.guard.pipeline.OutputFilter;
import dev.bulwark.guard.pipeline.Route;
import dev.bulwark.guard.pipeline.StreamFilter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Test fixtures: output policies, OpenAI chunk streams and whole replies built from plain text. */
final class Replies {
    static final ObjectMapper JSON = new ObjectMapper();

    private Replies() {
    }

    static OutputPolicy policy(List<String> canaries) {
        return new OutputPolicy(Action.REDACT, Action.REDACT, canaries, null, ImageAction.STRIP_EXTERNAL,
                List.of("images.example.com"), HtmlAction.ESCAPE, false, OutputPolicy.ToolCallAction.BLOCK);
    }

    static OutputPolicy defaults() {
        return policy(List.of());
    }

    /** What a client sees of one streamed reply. */
    record Streamed(String content, boolean blocked, List<String> payloads, StreamFilter filter) {
    }

    /** Streams {@code pieces} as chat content deltas (after a role-only chunk), then a finish chunk and [DONE]. */
    static Streamed stream(OutputFilter output, List<String> pieces) {
        StreamFilter filter = output.stream(Route.CHAT, Set.of());
        var payloads = new ArrayList<String>();
        payloads.addAll(filter.onData(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null)));
        for (String piece : pieces) {
            if (filter.blocked()) break;
            payloads.addAll(filter.onData(chunk(delta(piece), null)));
        }
        if (!filter.blocked()) payloads.addAll(filter.onData(chunk("{}", "\"stop\"")));
        if (!filter.blocked()) payloads.addAll(filter.onData("[DONE]"));
        payloads.addAll(filter.finish());
        return new Streamed(contentOf(payloads), filter.blocked(), payloads, filter);
    }

    static String delta(String content) {
        return JSON.createObjectNode().put("content", content).toString();
    }

    static String chunk(String delta, String finishReason) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finishReason + "}]}";
    }

    /** The concatenated content deltas of the emitted payloads. */
    static String contentOf(List<String> payloads) {
        var text = new StringBuilder();
        for (String p : payloads) {
            if (p.equals("[DONE]")) continue;
            for (JsonNode choice : read(p).path("choices")) {
                JsonNode c = choice.path("delta").path("content");
                if (c.isTextual()) text.append(c.asText());
            }
        }
        return text.toString();
    }

    static ObjectNode whole(String content) {
        ObjectNode response = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion");
        ObjectNode choice = response.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        return response;
    }

    /** The filtered content of a whole reply, or null when it was withheld. */
    static String filterWhole(OutputFilter output, String content) {
        OutputFilter.OutputVerdict v = output.inspect(Route.CHAT, whole(content), Set.of());
        return v.blocked() ? null : v.response().path("choices").path(0).path("message").path("content").asText();
    }

    static ObjectNode read(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> split(String text, int... at) {
        var pieces = new ArrayList<String>();
        int from = 0;
        for (int p : at) {
            pieces.add(text.substring(from, p));
            from = p;
        }
        pieces.add(text.substring(from));
        return pieces;
    }
}
