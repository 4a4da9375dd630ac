package dev.bulwark.guard.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.pipeline.Decision;
import dev.bulwark.guard.pipeline.Route;
import java.util.Optional;

/**
 * Holds a whole reply to the {@code max_tokens} the request carried (the client's, or the one the input policy set):
 * an upstream that ignores the limit — a misconfigured model server, a bug, a model that runs on — would otherwise
 * hand a client many times what it asked for. Text past the limit is cut (at about {@value #CHARS_PER_TOKEN}
 * characters a token, the estimate used elsewhere) and the choice ends with {@code finish_reason: "length"}, as if the
 * upstream had honoured it; {@code usage.completion_tokens} then counts what was delivered. The audit and the token
 * budgets keep the upstream's own count: the gateway cannot un-spend tokens, only stop passing them on.
 */
final class ReplyCap {
    static final int CHARS_PER_TOKEN = 4;

    private ReplyCap() {
    }

    /** The request's {@code max_completion_tokens}, else {@code max_tokens}; empty when it has neither (or a bad one). */
    static Optional<Long> limitOf(ObjectNode request) {
        for (String name : new String[] {"max_completion_tokens", "max_tokens"}) {
            JsonNode value = request.get(name);
            if (value != null && value.isIntegralNumber() && value.canConvertToLong() && value.longValue() > 0) {
                return Optional.of(value.longValue());
            }
        }
        return Optional.empty();
    }

    /**
     * Cuts every choice's text (chat {@code message.content} as a string, completions {@code text}) that runs past
     * {@code maxTokens}; a decision when anything was cut, else empty.
     */
    static Optional<Decision> apply(Route route, ObjectNode reply, long maxTokens) {
        if (route != Route.CHAT && route != Route.COMPLETIONS || !(reply.get("choices") instanceof com.fasterxml.jackson.databind.node.ArrayNode choices)) {
            return Optional.empty();
        }
        long maxChars = Math.multiplyExact(Math.min(maxTokens, Integer.MAX_VALUE / CHARS_PER_TOKEN), CHARS_PER_TOKEN);
        int cut = 0;
        long delivered = 0;
        for (JsonNode node : choices) {
            if (!(node instanceof ObjectNode choice)) continue;
            ObjectNode owner = route == Route.CHAT && choice.get("message") instanceof ObjectNode m ? m : choice;
            String field = route == Route.CHAT ? "content" : "text";
            JsonNode text = owner.get(field);
            if (text == null || !text.isTextual()) continue;
            String value = text.asText();
            if (value.length() > maxChars) {
                int end = (int) maxChars;
                if (Character.isHighSurrogate(value.charAt(end - 1))) end--;
                value = value.substring(0, end);
                owner.put(field, value);
                choice.put("finish_reason", "length");
                cut++;
            }
            delivered += Usage.estimate(value);
        }
        if (cut == 0) return Optional.empty();
        if (reply.get("usage") instanceof ObjectNode usage && usage.path("completion_tokens").asLong(-1) > delivered) {
            long prompt = usage.path("prompt_tokens").asLong(0);
            usage.put("completion_tokens", delivered);
            usage.put("total_tokens", prompt + delivered);
        }
        return Optional.of(new Decision("output", "max-tokens", "truncated", 1, cut, "reply over max_tokens " + maxTokens));
    }
}
