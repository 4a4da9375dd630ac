package dev.bulwark.guard.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.pipeline.Route;
import dev.bulwark.guard.pipeline.UpstreamAdapter.StreamFormatException;
import java.util.List;

/**
 * Ollama's NDJSON stream as OpenAI chunks: the first line opens the stream (role assistant), each line's
 * {@code message.content} (chat) or {@code response} (generate) becomes a content chunk, tool calls become whole tool
 * call deltas, and the {@code done: true} line the last chunk with finish reason and usage, then {@code [DONE]}. A
 * line with {@code error} ends the stream with a {@link StreamFormatException} that names no upstream detail.
 */
final class OllamaStreamDecoder extends FramedStreamDecoder<ObjectNode> {
    private final NdjsonDecoder lines = new NdjsonDecoder();
    private final Route route;
    private final String requestedModel;
    private final Stamps stamps;
    private ChunkWriter writer;
    private int toolCalls;

    OllamaStreamDecoder(Route route, String requestedModel, Stamps stamps) {
        this.route = route;
        this.requestedModel = requestedModel;
        this.stamps = stamps;
    }

    @Override
    List<ObjectNode> frame(byte[] bytes) throws StreamFormatException {
        return lines.feed(bytes);
    }

    @Override
    List<ObjectNode> frameEnd() throws StreamFormatException {
        return lines.end();
    }

    @Override
    boolean translate(ObjectNode line, List<String> out) throws StreamFormatException {
        if (line.hasNonNull("error")) throw new StreamFormatException("the upstream reported an error mid-stream");
        if (writer == null) {
            String prefix = route == Route.CHAT ? "chatcmpl-" : "cmpl-";
            writer = new ChunkWriter(route, stamps.newId(prefix), stamps.created(), OllamaAdapter.modelOf(line, requestedModel));
            String first = writer.start();
            if (first != null) out.add(first);
        }
        JsonNode message = line.get("message");
        String text = route == Route.CHAT ? UpstreamJson.text(message, "content") : UpstreamJson.text(line, "response");
        if (text != null && !text.isEmpty()) out.add(writer.text(text));
        if (route == Route.CHAT && message != null && message.get("tool_calls") instanceof ArrayNode calls) {
            for (JsonNode call : calls) addToolCall(call, out);
        }
        if (!line.path("done").asBoolean(false)) return false;
        String finish = OllamaAdapter.finishReason(UpstreamJson.text(line, "done_reason"), toolCalls > 0);
        out.add(writer.finish(finish, OllamaAdapter.usage(line)));
        return true;
    }

    private void addToolCall(JsonNode call, List<String> out) throws StreamFormatException {
        ObjectNode openAi;
        try {
            openAi = OllamaAdapter.toolCall(call, stamps);
        } catch (UpstreamReplyException e) {
            throw new StreamFormatException(e.getMessage());
        }
        int index = toolCalls++;
        JsonNode function = openAi.get("function");
        out.add(writer.toolCallStart(index, openAi.get("id").textValue(), function.get("name").textValue()));
        out.add(writer.toolCallArguments(index, function.get("arguments").textValue()));
    }
}
