package dev.bulwark.guard.upstream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.pipeline.Route;

/**
 * Writes one translated stream's OpenAI chunks, all with the same {@code id}, {@code created} and {@code model}:
 * {@code chat.completion.chunk} on the chat route, {@code text_completion} chunks on the completions route.
 */
final class ChunkWriter {
    private final boolean chat;
    private final String id;
    private final long created;
    private final String model;

    ChunkWriter(Route route, String id, long created, String model) {
        this.chat = route != Route.COMPLETIONS;
        this.id = id;
        this.created = created;
        this.model = model;
    }

    /** The first chunk of a chat stream names the role, as OpenAI's does; completions streams have none. */
    String start() {
        if (!chat) return null;
        ObjectNode delta = UpstreamJson.object().put("role", "assistant").put("content", "");
        return chunk(delta, null, null);
    }

    String text(String text) {
        if (chat) return chunk(UpstreamJson.object().put("content", text), null, null);
        return chunk(UpstreamJson.object().put("text", text), null, null);
    }

    /** The start of tool call {@code index}: its id, name and empty arguments (chat only). */
    String toolCallStart(int index, String callId, String name) {
        ObjectNode call = UpstreamJson.object().put("index", index).put("id", callId).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", "");
        return toolCallDelta(call);
    }

    /** More of tool call {@code index}'s JSON arguments (chat only). */
    String toolCallArguments(int index, String fragment) {
        ObjectNode call = UpstreamJson.object().put("index", index);
        call.putObject("function").put("arguments", fragment);
        return toolCallDelta(call);
    }

    /** The last chunk: the finish reason and, when known, the usage. */
    String finish(String finishReason, ObjectNode usage) {
        return chunk(chat ? UpstreamJson.object() : UpstreamJson.object().put("text", ""), finishReason, usage);
    }

    private String toolCallDelta(ObjectNode call) {
        ObjectNode delta = UpstreamJson.object();
        delta.putArray("tool_calls").add(call);
        return chunk(delta, null, null);
    }

    /** For chat, {@code body} is the delta; for completions, the fields of the choice. */
    private String chunk(ObjectNode body, String finishReason, ObjectNode usage) {
        ObjectNode chunk = UpstreamJson.object().put("id", id)
                .put("object", chat ? "chat.completion.chunk" : "text_completion")
                .put("created", created)
                .put("model", model);
        ArrayNode choices = chunk.putArray("choices");
        ObjectNode choice = choices.addObject().put("index", 0);
        if (chat) choice.set("delta", body);
        else choice.setAll(body);
        choice.putNull("logprobs");
        if (finishReason == null) choice.putNull("finish_reason");
        else choice.put("finish_reason", finishReason);
        if (usage != null) chunk.set("usage", usage);
        return UpstreamJson.write(chunk);
    }
}
