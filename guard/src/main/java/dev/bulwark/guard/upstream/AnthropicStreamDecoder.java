package dev.bulwark.guard.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.pipeline.Route;
import dev.bulwark.guard.pipeline.UpstreamAdapter.StreamFormatException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Anthropic's message stream as OpenAI chunks: {@code message_start} → the first chunk (role assistant, the message
 * id as chunk id), {@code text_delta} → content, {@code tool_use} blocks and {@code input_json_delta} → tool call
 * deltas, {@code message_delta} → the last chunk with finish reason and usage, {@code message_stop} → {@code [DONE]}.
 * {@code ping} and event types this does not know are skipped (the API may add some); an {@code error} event ends
 * the stream with a {@link StreamFormatException} that names no upstream detail.
 */
final class AnthropicStreamDecoder extends SseStreamDecoder {
    private final Route route;
    private final String requestedModel;
    private final Stamps stamps;
    private ChunkWriter writer;
    /** Content block index → OpenAI tool call index. */
    private final Map<Integer, Integer> toolCalls = new HashMap<>();
    private long inputTokens = -1;
    private boolean finished;

    AnthropicStreamDecoder(Route route, String requestedModel, Stamps stamps) {
        this.route = route;
        this.requestedModel = requestedModel;
        this.stamps = stamps;
    }

    @Override
    boolean translate(SseDecoder.Event event, List<String> out) throws StreamFormatException {
        ObjectNode data = UpstreamJson.parseStreamObject(event.data());
        String type = UpstreamJson.text(data, "type");
        switch (type != null ? type : event.type()) {
            case "message_start" -> start(data.path("message"), out);
            case "content_block_start" -> blockStart(data, out);
            case "content_block_delta" -> blockDelta(data, out);
            case "message_delta" -> messageDelta(data, out);
            case "message_stop" -> {
                return true;
            }
            case "error" -> throw new StreamFormatException("the upstream reported an error mid-stream");
            default -> {
                // ping, content_block_stop and event types added later carry nothing for the client
            }
        }
        return false;
    }

    private void start(JsonNode message, List<String> out) {
        if (writer != null) return;
        String id = UpstreamJson.text(message, "id");
        String model = UpstreamJson.text(message, "model");
        inputTokens = AnthropicAdapter.inputTokens(message.get("usage"));
        writer(id, model, out);
    }

    /** The chunk writer, made (with the first chunk) when the stream's first event did not already. */
    private ChunkWriter writer(String id, String model, List<String> out) {
        if (writer == null) {
            writer = new ChunkWriter(route, id != null ? id : stamps.newId("msg_"), stamps.created(), model != null ? model : requestedModel);
            String first = writer.start();
            if (first != null) out.add(first);
        }
        return writer;
    }

    private void blockStart(ObjectNode data, List<String> out) {
        JsonNode block = data.path("content_block");
        String type = UpstreamJson.text(block, "type");
        if ("text".equals(type)) {
            emitText(UpstreamJson.text(block, "text"), out);
        } else if ("tool_use".equals(type) && route == Route.CHAT) {
            int toolIndex = toolCalls.size();
            toolCalls.put(data.path("index").asInt(-1), toolIndex);
            String id = UpstreamJson.text(block, "id");
            String name = UpstreamJson.text(block, "name");
            out.add(writer(null, null, out).toolCallStart(toolIndex, id != null ? id : stamps.newId("toolu_"), name != null ? name : ""));
        }
    }

    private void blockDelta(ObjectNode data, List<String> out) {
        JsonNode delta = data.path("delta");
        String type = UpstreamJson.text(delta, "type");
        if ("text_delta".equals(type)) {
            emitText(UpstreamJson.text(delta, "text"), out);
        } else if ("input_json_delta".equals(type)) {
            Integer toolIndex = toolCalls.get(data.path("index").asInt(-1));
            String fragment = UpstreamJson.text(delta, "partial_json");
            if (toolIndex != null && fragment != null && !fragment.isEmpty()) {
                out.add(writer(null, null, out).toolCallArguments(toolIndex, fragment));
            }
        }
    }

    private void emitText(String text, List<String> out) {
        if (text != null && !text.isEmpty()) out.add(writer(null, null, out).text(text));
    }

    private void messageDelta(ObjectNode data, List<String> out) {
        if (finished) return;
        finished = true;
        JsonNode usage = data.get("usage");
        long input = AnthropicAdapter.inputTokens(usage); // newer API versions repeat the input count here
        if (input >= 0) inputTokens = input;
        String finish = AnthropicAdapter.finishReason(UpstreamJson.text(data.path("delta"), "stop_reason"));
        out.add(writer(null, null, out).finish(finish, OpenAiShapes.usage(inputTokens, UpstreamJson.count(usage, "output_tokens"))));
    }
}
