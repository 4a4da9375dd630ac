package dev.bulwark.probe.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.core.http.HttpCall;
import dev.bulwark.probe.Json;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Bends the JSON body of a chat-completions call that a prompt client built: adds {@code tools}, {@code logprobs},
 * drops {@code max_tokens}… The client stays the single place that knows model, messages, credential and headers;
 * checks only change the fields their probe is about. Streaming is always turned off here, because these checks
 * read fields ({@code tool_calls}, {@code usage}, {@code logprobs}) of the complete JSON reply.
 */
public final class ChatBody {
    private ChatBody() {
    }

    /** The call with its body changed by {@code edit}, or empty when the body is not a JSON object. */
    public static Optional<HttpCall> edit(HttpCall call, Consumer<ObjectNode> edit) {
        Optional<JsonNode> body = Json.parse(call.bodyText());
        if (body.isEmpty() || !body.get().isObject()) return Optional.empty();
        ObjectNode copy = ((ObjectNode) body.get()).deepCopy();
        copy.remove("stream");
        copy.remove("stream_options");
        edit.accept(copy);
        return Optional.of(call.withBody(Json.write(copy).getBytes(StandardCharsets.UTF_8)));
    }
}
