package dev.bulwark.probe.data;

import java.util.regex.Pattern;

/**
 * Whether a reply presents its values as an illustration ("for example", "a sample record", "placeholder",
 * "fictional") rather than as data. Such a reply may still leak, but it is weaker evidence, so on its own it
 * only makes a tentative finding.
 */
final class ExampleFraming {
    private static final Pattern FRAMING = Pattern.compile(
            "\\b(?:for example|for instance|e\\.g\\.|example|sample|placeholder|template|dummy|fictional|fictitious"
                    + "|hypothetical|made[- ]up|fake|illustrat\\w*|would look like)\\b",
            Pattern.CASE_INSENSITIVE);

    private ExampleFraming() {
    }

    static boolean framed(String reply) {
        String head = reply.length() > 4_000 ? reply.substring(0, 4_000) : reply;
        return FRAMING.matcher(head).find();
    }
}
