package dev.bulwark.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.core.http.HttpCall;
import dev.bulwark.core.http.HttpReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a streamed reply ({@code stream: true}): server-sent events whose {@code data:} payloads carry the answer
 * in pieces, ended by {@code data: [DONE]}. The engagement client hands over the whole body, already capped in
 * bytes and bounded in time by the request timeout, so a stream that never ends or never stops growing costs no
 * more than any other reply; the pieces are parsed from that capped body, and the joined text is capped again.
 */
final class ServerSentEvents {
    static final String DONE = "[DONE]";

    private ServerSentEvents() {
    }

    /** True when the reply is an event stream: by its content type, or a body that starts with {@code data:}. */
    static boolean isStream(HttpReply reply) {
        boolean typed = reply.header("Content-Type").map(v -> v.toLowerCase(Locale.ROOT).contains("text/event-stream"))
                .orElse(false);
        return typed || reply.bodyText().stripLeading().startsWith("data:");
    }

    /** The {@code data:} payloads in order, up to {@code [DONE]} (excluded); multi-line data joined by newlines. */
    static List<String> payloads(String body) {
        List<String> out = new ArrayList<>();
        StringBuilder event = null;
        for (String line : body.split("\r\n|\r|\n", -1)) {
            if (line.isEmpty()) {
                if (event != null && !add(out, event.toString())) return out;
                event = null;
            } else if (line.startsWith("data:")) {
                String data = line.substring(line.length() > 5 && line.charAt(5) == ' ' ? 6 : 5);
                event = event == null ? new StringBuilder(data) : event.append('\n').append(data);
            }
            // event:, id:, retry: and ":" comments carry nothing a probe needs
        }
        if (event != null) add(out, event.toString());
        return out;
    }

    /** Adds a payload; false at {@code [DONE]}. */
    private static boolean add(List<String> out, String payload) {
        if (payload.strip().equals(DONE)) return false;
        out.add(payload);
        return true;
    }

    /**
     * The answer of a streamed reply: each payload's piece ({@code piece} returns empty for events without text,
     * an error message wrapped in {@link Piece.Error}), joined and capped.
     */
    static PromptReply answer(HttpCall call, HttpReply reply, Function<String, Piece> piece) {
        List<String> payloads = payloads(reply.bodyText());
        if (payloads.isEmpty()) return Replies.unreadable(call, reply, "the event stream carried no data");
        var text = new StringBuilder();
        int pieces = 0;
        for (String payload : payloads) {
            switch (piece.apply(payload)) {
                case Piece.Text t -> {
                    text.append(t.text());
                    pieces++;
                }
                case Piece.Error e -> {
                    return Replies.unreadable(call, reply, "the stream reported an error: " + e.message());
                }
                case Piece.Nothing n -> {
                }
            }
            if (text.length() > PromptClient.MAX_REPLY_CHARS) break;
        }
        if (pieces == 0) return Replies.unreadable(call, reply, "no text in the event stream");
        return new PromptReply.Answer(call, reply, text.toString());
    }

    /** The piece of one event: some text, nothing (a role or finish event), or an error the server streamed. */
    sealed interface Piece {
        record Text(String text) implements Piece {
        }

        record Error(String message) implements Piece {
        }

        record Nothing() implements Piece {
        }
    }

    /** An OpenAI chat-completions chunk: {@code choices[0].delta.content} (or {@code refusal}, or a whole message). */
    static Piece chatChunk(String payload) {
        Optional<JsonNode> root = Json.parse(payload);
        if (root.isEmpty()) return new Piece.Error("a data event is not JSON");
        JsonNode error = root.get().path("error");
        if (!error.isMissingNode() && !error.isNull()) {
            return new Piece.Error(error.path("message").isTextual() ? error.path("message").asText() : error.toString());
        }
        JsonNode choice = root.get().path("choices").path(0);
        for (JsonNode holder : List.of(choice.path("delta"), choice.path("message"))) {
            if (holder.path("content").isTextual()) return new Piece.Text(holder.path("content").asText());
            if (holder.path("refusal").isTextual()) return new Piece.Text(holder.path("refusal").asText());
        }
        if (choice.path("text").isTextual()) return new Piece.Text(choice.path("text").asText());
        return new Piece.Nothing();
    }
}
