package dev.bulwark.guard.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reading the OpenAI request options every translating adapter maps, with the checks they share. */
final class OpenAiParams {
    private OpenAiParams() {
    }

    static String requiredModel(ObjectNode body) {
        String model = UpstreamJson.text(body, "model");
        if (model == null || model.isBlank()) throw new UnsupportedRequestException("'model' is required");
        return model;
    }

    static ArrayNode requiredMessages(ObjectNode body) {
        if (body.get("messages") instanceof ArrayNode messages && !messages.isEmpty()) return messages;
        throw new UnsupportedRequestException("'messages' must be a non-empty array");
    }

    /** {@code max_completion_tokens}, else {@code max_tokens}, else -1. */
    static long maxTokens(ObjectNode body) {
        for (String name : new String[] {"max_completion_tokens", "max_tokens"}) {
            JsonNode value = body.get(name);
            if (value == null || value.isNull()) continue;
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
                throw new UnsupportedRequestException("'" + name + "' must be a positive integer");
            }
            return value.intValue();
        }
        return -1;
    }

    /** {@code stop} (a string or an array of strings) as an array, or null when absent. */
    static ArrayNode stop(ObjectNode body) {
        JsonNode stop = body.get("stop");
        if (stop == null || stop.isNull()) return null;
        ArrayNode sequences = UpstreamJson.NODES.arrayNode();
        if (stop.isTextual()) return sequences.add(stop.textValue());
        if (stop.isArray()) {
            for (JsonNode s : stop) {
                if (!s.isTextual()) throw new UnsupportedRequestException("'stop' must be a string or an array of strings");
                sequences.add(s.textValue());
            }
            return sequences;
        }
        throw new UnsupportedRequestException("'stop' must be a string or an array of strings");
    }

    /** A number option, or null when absent; anything but a number is refused. */
    static JsonNode number(ObjectNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) return null;
        if (!value.isNumber()) throw new UnsupportedRequestException("'" + name + "' must be a number");
        return value;
    }

    /** These upstreams return one choice. */
    static void requireSingleChoice(ObjectNode body) {
        JsonNode n = body.get("n");
        if (n != null && !n.isNull() && !(n.isIntegralNumber() && n.intValue() == 1)) {
            throw new UnsupportedRequestException("this upstream returns one choice; 'n' must be 1");
        }
    }

    /** The completions route's {@code prompt}: a string, or an array holding one string. */
    static String prompt(ObjectNode body) {
        JsonNode prompt = body.get("prompt");
        if (prompt != null && prompt.isTextual()) return prompt.textValue();
        if (prompt != null && prompt.isArray() && prompt.size() == 1 && prompt.get(0).isTextual()) return prompt.get(0).textValue();
        throw new UnsupportedRequestException("'prompt' must be a string (or an array of one string) for this upstream");
    }

    /** The function tools of {@code tools}; other tool types are refused. */
    static ArrayNode functionTools(ObjectNode body) {
        JsonNode tools = body.get("tools");
        if (tools == null || tools.isNull()) return null;
        if (!(tools instanceof ArrayNode array)) throw new UnsupportedRequestException("'tools' must be an array");
        for (JsonNode tool : array) {
            if (!"function".equals(UpstreamJson.text(tool, "type")) || UpstreamJson.text(tool.get("function"), "name") == null) {
                throw new UnsupportedRequestException("only function tools with a name are supported by this upstream");
            }
        }
        return array;
    }
}
