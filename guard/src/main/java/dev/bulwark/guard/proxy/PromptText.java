package dev.bulwark.guard.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.pipeline.Route;

/**
 * The text a request asks the model about (chat message contents, the completion prompt, the embedding input), as
 * the extraction monitor sees it before the input filter runs. Bounded by the body size limit.
 */
final class PromptText {
    private PromptText() {
    }

    static String of(Route route, ObjectNode body) {
        StringBuilder text = new StringBuilder();
        switch (route) {
            case CHAT -> {
                for (JsonNode message : body.path("messages")) appendText(text, message.path("content"));
            }
            case COMPLETIONS -> appendText(text, body.path("prompt"));
            case EMBEDDINGS -> appendText(text, body.path("input"));
            case MODELS -> { }
        }
        return text.toString();
    }

    /** Strings, arrays of strings, and content parts ({@code {"type": "text", "text": ...}}). */
    private static void appendText(StringBuilder out, JsonNode node) {
        if (node.isTextual()) {
            if (!out.isEmpty()) out.append('\n');
            out.append(node.textValue());
        } else if (node.isArray()) {
            for (JsonNode part : node) {
                if (part.isObject()) appendText(out, part.path("text"));
                else appendText(out, part);
            }
        }
    }
}
