package dev.bulwark.probe.judge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.core.Verdict;
import dev.bulwark.probe.Json;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The judge's decision, parsed strictly: the answer must be one JSON object (optionally inside one markdown code
 * fence) with {@code verdict} exactly {@code hit} or {@code pass} and a string {@code reason}. Anything else is no
 * answer — and the attempt stays unscorable, never a pass.
 */
public record JudgeAnswer(Verdict verdict, String reason) {
    static final int MAX_REASON = 300;
    private static final Pattern FENCE = Pattern.compile("\\A```(?:json)?+\\s*+(\\{.*})\\s*+```\\z", Pattern.DOTALL);

    public JudgeAnswer {
        Objects.requireNonNull(verdict, "verdict");
        if (verdict != Verdict.HIT && verdict != Verdict.PASS) throw new IllegalArgumentException("hit or pass only");
        reason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "…" : reason;
    }

    static Optional<JudgeAnswer> parse(String content) {
        if (content == null) return Optional.empty();
        String text = content.strip();
        Matcher fenced = FENCE.matcher(text);
        if (fenced.matches()) text = fenced.group(1);
        if (!text.startsWith("{") || !text.endsWith("}")) return Optional.empty();
        Optional<JsonNode> root = Json.parse(text);
        if (root.isEmpty() || !root.get().isObject()) return Optional.empty();
        JsonNode verdict = root.get().get("verdict");
        JsonNode reason = root.get().get("reason");
        if (verdict == null || !verdict.isTextual() || reason == null || !reason.isTextual()) return Optional.empty();
        return switch (verdict.asText().strip().toLowerCase(Locale.ROOT)) {
            case "hit" -> Optional.of(new JudgeAnswer(Verdict.HIT, reason.asText().strip()));
            case "pass" -> Optional.of(new JudgeAnswer(Verdict.PASS, reason.asText().strip()));
            default -> Optional.empty();
        };
    }
}
