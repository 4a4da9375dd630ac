package dev.bulwark.cli.demo;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds instructions hidden in content the user pasted — HTML comments, invisibly styled elements, markdown image
 * alt texts and link titles, "note"/"instruction" fields of JSON, "note to AI" lines — and the directive in them
 * ("reply with X"). The vulnerable assistant follows it, as a model that mixes data and instructions does.
 */
final class HiddenInstruction {
    private static final Pattern HIDDEN = Pattern.compile("(?is)"
            + "<!--(.{0,1000}?)-->"
            + "|<(\\w+)[^>]{0,200}style=\"[^\"]{0,200}(?:#fff|white|display:\\s*none|font-size:\\s*[01]px)[^\"]{0,200}\""
            + "[^>]{0,100}>(.{0,1000}?)</\\2>"
            + "|!\\[([^\\]]{0,500})\\]"
            + "|\\]\\([^\\s)]{1,300}\\s+\"([^\"]{0,500})\"\\)"
            + "|\"(?:note|instruction|instructions|system|comment)\"\\s*:\\s*\"([^\"]{0,500})\""
            + "|\\b(?:note to ai|note for ai|ai assistants? reading this|ai agents?)\\b([^\\n]{0,500})");

    private HiddenInstruction() {
    }

    /** What the hidden parts of {@code text} tell the assistant to output, if anything. */
    static Optional<String> payload(String text) {
        Matcher m = HIDDEN.matcher(text);
        while (m.find()) {
            for (int g : new int[] {1, 3, 4, 5, 6, 7}) {
                String part = m.group(g);
                if (part == null) continue;
                Optional<String> payload = OverrideIntent.payload(part);
                if (payload.isPresent()) return payload;
            }
        }
        return Optional.empty();
    }
}
