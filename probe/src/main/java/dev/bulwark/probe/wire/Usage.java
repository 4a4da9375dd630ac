package dev.bulwark.probe.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.core.http.HttpReply;
import dev.bulwark.core.scope.Prices;
import dev.bulwark.probe.Json;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The token counts a reply says it billed: OpenAI's {@code usage.prompt_tokens} / {@code completion_tokens}, or the
 * {@code input_tokens} / {@code output_tokens} spelling some compatible servers use. Empty when the reply does not
 * say; a count is never guessed here.
 */
public record Usage(OptionalLong promptTokens, OptionalLong completionTokens) {
    public static final Usage NONE = new Usage(OptionalLong.empty(), OptionalLong.empty());

    public static Usage of(HttpReply reply) {
        return Json.parse(reply.bodyText()).map(Usage::of).orElse(NONE);
    }

    public static Usage of(JsonNode root) {
        JsonNode usage = root.path("usage");
        return new Usage(count(usage, "prompt_tokens", "input_tokens"), count(usage, "completion_tokens", "output_tokens"));
    }

    public boolean known() {
        return promptTokens.isPresent() || completionTokens.isPresent();
    }

    /** The cost of this request at {@code prices}, when both the prices and at least one count are known. */
    public Optional<String> cost(Optional<Prices> prices) {
        if (prices.isEmpty() || !known()) return Optional.empty();
        double cost = prices.get().cost(promptTokens.orElse(0), completionTokens.orElse(0));
        return Optional.of(String.format(Locale.ROOT, "%.4f %s", cost, prices.get().currency()));
    }

    private static OptionalLong count(JsonNode usage, String name, String alternative) {
        JsonNode v = usage.has(name) ? usage.get(name) : usage.get(alternative);
        return v != null && v.canConvertToLong() && v.asLong() >= 0 ? OptionalLong.of(v.asLong()) : OptionalLong.empty();
    }
}
