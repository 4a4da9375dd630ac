package dev.bulwark.cli.demo;

import java.util.regex.Pattern;

/**
 * The hardened assistant's last line of defence: whatever a rule produced, no planted secret, customer value or
 * card-like number leaves the server. The hardened rules never produce them; this catches the case where one
 * would (defence in depth, as the book recommends for output handling).
 */
final class OutputGuard {
    private static final String REDACTED = "[redacted]";
    /** 13–19 digits, optionally grouped by spaces or hyphens: anything that could be a card number. */
    private static final Pattern CARD = Pattern.compile("\\b\\d(?:[ -]?\\d){12,18}\\b");

    /** Markdown images and links to absolute URLs, and HTML tags that load a URL. */
    private static final Pattern REMOTE_MARKDOWN = Pattern.compile("!?\\[[^\\]\\n]{0,300}]\\(\\s*<?[a-zA-Z][a-zA-Z0-9+.-]{0,20}:[^)\\s]{0,2000}\\)");

    private OutputGuard() {
    }

    static String redact(String reply) {
        String out = reply;
        for (String secret : SystemPrompt.secrets()) out = out.replace(secret, REDACTED);
        for (Customer c : Customer.TABLE) {
            for (String value : c.sensitiveValues()) out = out.replace(value, REDACTED);
        }
        out = CARD.matcher(out).replaceAll(REDACTED);
        // Output handling: no remote images or links (exfiltration), no markup a browser would run.
        out = REMOTE_MARKDOWN.matcher(out).replaceAll("[link removed]");
        return out.replace("<", "&lt;").replace(">", "&gt;");
    }
}
