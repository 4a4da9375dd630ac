package dev.bulwark.probe.attempt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.core.http.HttpCall;
import dev.bulwark.core.scope.PromptTarget;
import dev.bulwark.probe.Json;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The shortest transcript that reproduces a finding: among the attempts that hit, the one with the fewest
 * conversation turns, then the fewest characters sent — what a reader should paste to see it for themselves.
 * Rendered as the turns sent ({@code user: …}) and the reply ({@code reply: …}), masked and cut like all evidence.
 */
public final class Reproduction {
    static final int MAX_CHARS = 2_000;

    private Reproduction() {
    }

    /** The transcript of the shortest hit, or null when there is none. */
    public static String shortest(List<? extends AttemptRecord<?>> hits, PromptTarget target) {
        return hits.stream()
                .min(Comparator.<AttemptRecord<?>>comparingInt(r -> turns(r.attempt().call()).size())
                        .thenComparingInt(r -> r.attempt().call().body().length))
                .map(r -> transcript(r, target))
                .orElse(null);
    }

    private static String transcript(AttemptRecord<?> record, PromptTarget target) {
        var text = new StringBuilder();
        List<String[]> turns = turns(record.attempt().call());
        if (turns.isEmpty()) {
            text.append(ProbeFindings.request(record.attempt().call(), target)).append('\n');
        } else {
            for (String[] turn : turns) text.append(turn[0]).append(": ").append(turn[1]).append('\n');
        }
        text.append("reply: ").append(record.judgement().observed());
        return ProbeFindings.mask(text.toString(), MAX_CHARS);
    }

    /**
     * The turns of a chat-completions body ({@code messages: [{role, content}]}); a templated body counts as one
     * user turn holding the whole body; a call without a body has none (the request itself is the transcript).
     */
    static List<String[]> turns(HttpCall call) {
        if (call.body().length == 0) return List.of();
        Optional<JsonNode> root = Json.parse(call.bodyText());
        JsonNode messages = root.map(r -> r.path("messages")).orElse(null);
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            return List.<String[]>of(new String[] {"user", call.bodyText()});
        }
        var out = new java.util.ArrayList<String[]>();
        for (JsonNode m : messages) {
            JsonNode content = m.path("content");
            out.add(new String[] {m.path("role").asText("user"), content.isTextual() ? content.asText() : content.toString()});
        }
        return out;
    }
}
