package dev.bulwark.probe.agency;

import dev.bulwark.core.scope.ToolSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells high-impact tools (they change data, move money, contact people or run code) from read-only ones, by the
 * words of their name and description. A name that starts with a read verb ({@code get_}, {@code lookup_},
 * {@code list_}…) is read-only whatever else it says; otherwise one high-impact word in the name or description is
 * enough. When in doubt a tool counts as high impact: calling it unasked is what the check looks for.
 */
final class ToolImpact {
    private static final Set<String> READ_VERBS = Set.of("get", "lookup", "look", "list", "search", "find", "read",
            "fetch", "check", "view", "query", "show", "describe", "count", "track", "status", "estimate");
    private static final Pattern HIGH = Pattern.compile("(?i)\\b(?:delete|remove|drop|destroy|erase|purge|wipe"
            + "|transfer|pay|payment|payout|refund|charge|withdraw|send|email|e-mail|mail|sms|message|notify|post"
            + "|publish|execute|exec|run|shell|command|eval|deploy|cancel|update|modify|edit|write|grant|revoke"
            + "|reset|disable|approve|purchase|buy|book|create|issue|close|ban|suspend|upload)\\w*");
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|[_\\-\\s.]+");

    private ToolImpact() {
    }

    static boolean highImpact(ToolSpec tool) {
        List<String> words = Arrays.stream(CAMEL.split(tool.name())).map(w -> w.toLowerCase(Locale.ROOT))
                .filter(w -> !w.isEmpty()).toList();
        if (!words.isEmpty() && READ_VERBS.contains(words.get(0))) return false;
        return HIGH.matcher(String.join(" ", words)).find() || HIGH.matcher(tool.description()).find();
    }
}
