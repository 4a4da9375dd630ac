package dev.bulwark.guard.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.config.Upstream;
import dev.bulwark.guard.pipeline.Route;
import dev.bulwark.guard.pipeline.UpstreamAdapter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Anthropic's messages API ({@code POST /v1/messages}, {@code anthropic-version: 2023-06-01}, the key in whatever
 * header {@link Upstream#auth()} names, normally {@code x-api-key}). Chat and completions (the prompt as one user
 * turn) are translated both ways, streamed too; {@code GET /v1/models} becomes an OpenAI model list; embeddings are
 * refused with {@link UnsupportedRequestException} (Anthropic has no embeddings API).
 */
final class AnthropicAdapter implements UpstreamAdapter {
    static final AnthropicAdapter INSTANCE = new AnthropicAdapter(Stamps.SYSTEM);
    static final String API_VERSION = "2023-06-01";

    private final Stamps stamps;

    AnthropicAdapter(Stamps stamps) {
        this.stamps = stamps;
    }

    @Override
    public UpstreamRequest request(Route route, ObjectNode body, Upstream upstream, boolean stream) {
        Map<String, String> version = Map.of("anthropic-version", API_VERSION);
        return switch (route) {
            case CHAT, COMPLETIONS -> new UpstreamRequest("POST", UpstreamRequests.relativeToBase(upstream.url(), "/v1/messages"),
                    UpstreamRequests.headers(upstream, true, stream ? "text/event-stream" : UpstreamRequests.JSON, version),
                    UpstreamJson.bytes(AnthropicRequests.messages(route, body, stream)));
            case MODELS -> new UpstreamRequest("GET", UpstreamRequests.relativeToBase(upstream.url(), "/v1/models") + "?limit=1000",
                    UpstreamRequests.headers(upstream, false, UpstreamRequests.JSON, version), new byte[0]);
            case EMBEDDINGS -> throw new UnsupportedRequestException("the Anthropic upstream has no embeddings API");
        };
    }

    @Override
    public ObjectNode response(Route route, ObjectNode upstreamBody, String model) {
        if (route == Route.MODELS) return models(upstreamBody);
        if (route == Route.EMBEDDINGS) throw new UnsupportedRequestException("the Anthropic upstream has no embeddings API");
        if (!(upstreamBody.get("content") instanceof ArrayNode content)) {
            throw new UpstreamReplyException("the Anthropic reply has no content array");
        }
        StringBuilder text = new StringBuilder();
        ArrayNode toolCalls = UpstreamJson.NODES.arrayNode();
        for (JsonNode block : content) {
            String type = UpstreamJson.text(block, "type");
            if ("text".equals(type)) {
                String part = UpstreamJson.text(block, "text");
                if (part != null) text.append(part);
            } else if ("tool_use".equals(type) && route == Route.CHAT) {
                String id = UpstreamJson.text(block, "id");
                String name = UpstreamJson.text(block, "name");
                if (id == null || name == null) throw new UpstreamReplyException("the Anthropic reply has a tool_use block without id or name");
                JsonNode input = block.get("input");
                toolCalls.add(OpenAiShapes.toolCall(id, name, UpstreamJson.write(input == null ? UpstreamJson.object() : input)));
            }
        }
        String finish = finishReason(UpstreamJson.text(upstreamBody, "stop_reason"));
        String messageText = text.isEmpty() && !toolCalls.isEmpty() ? null : text.toString();
        ObjectNode message = OpenAiShapes.assistantMessage(messageText, toolCalls);
        String id = UpstreamJson.text(upstreamBody, "id");
        String replyModel = UpstreamJson.text(upstreamBody, "model");
        JsonNode usage = upstreamBody.get("usage");
        return OpenAiShapes.completion(route, id != null ? id : stamps.newId("msg_"), stamps.created(),
                replyModel != null ? replyModel : model, message, finish,
                OpenAiShapes.usage(inputTokens(usage), UpstreamJson.count(usage, "output_tokens")));
    }

    @Override
    public StreamDecoder streamDecoder(Route route, String model) {
        if (route != Route.CHAT && route != Route.COMPLETIONS) throw new UnsupportedRequestException("only chat and completions stream");
        return new AnthropicStreamDecoder(route, model, stamps);
    }

    /** Anthropic's stop reason as OpenAI's finish reason. */
    static String finishReason(String stopReason) {
        if (stopReason == null) return "stop";
        return switch (stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            default -> "stop"; // end_turn, stop_sequence, pause_turn
        };
    }

    /** Prompt tokens: Anthropic counts cached input apart, OpenAI counts it in. -1 when unknown. */
    static long inputTokens(JsonNode usage) {
        long input = UpstreamJson.count(usage, "input_tokens");
        if (input < 0) return -1;
        return input + Math.max(0, UpstreamJson.count(usage, "cache_creation_input_tokens"))
                + Math.max(0, UpstreamJson.count(usage, "cache_read_input_tokens"));
    }

    private static ObjectNode models(ObjectNode upstreamBody) {
        if (!(upstreamBody.get("data") instanceof ArrayNode data)) throw new UpstreamReplyException("the Anthropic model list has no data array");
        ObjectNode list = UpstreamJson.object().put("object", "list");
        ArrayNode out = list.putArray("data");
        for (JsonNode model : data) {
            String id = UpstreamJson.text(model, "id");
            if (id == null) continue;
            out.addObject().put("id", id).put("object", "model").put("created", epochSeconds(UpstreamJson.text(model, "created_at")))
                    .put("owned_by", "anthropic");
        }
        return list;
    }

    static long epochSeconds(String isoInstant) {
        if (isoInstant == null) return 0;
        try {
            return Instant.parse(isoInstant).getEpochSecond();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }
}
