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

    private OutputGuard() {
    }

    static String redact(String reply) {
        String out = reply;
        for (String secret : SystemPrompt.secrets()) out = out.replace(secret, REDACTED);
        for (Customer c : Customer.TABLE) {
            for (String value : c.sensitiveValues()) out = out.replace(value, REDACTED);
        }
        return CARD.matcher(out).replaceAll(REDACTED);
    }
}
