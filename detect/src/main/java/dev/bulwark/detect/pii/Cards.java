package dev.bulwark.detect.pii;

import dev.bulwark.detect.Checksums;
import dev.bulwark.detect.ContextWords;
import dev.bulwark.detect.EntityType;
import dev.bulwark.detect.PatternRecognizer;
import dev.bulwark.detect.Settling;
import java.util.List;
import java.util.regex.Pattern;

/** Payment cards: 12–19 digits in a card grouping, Luhn-valid, in an issuer's range and length. */
final class Cards {
    private static final Pattern CARD = Pattern.compile("(?<![\\w.,-])[0-9](?:[ -]?+[0-9]){11,18}+(?![\\w]|[.,][0-9])");

    /** Printed groupings: none, fours (Visa, MC, Discover, 19-digit), Amex 4-6-5 and Diners 4-6-4. */
    private static final List<String> GROUPINGS = List.of("4-4-4-4", "4-4-4-4-3", "4-4-4-1", "4-6-5", "4-6-4",
            "4-4-4-3", "4-4-4-2", "4-4-4");

    private static final List<ContextWords> CONTEXT = List.of(
            ContextWords.before(40, 0.2, "card", "credit", "debit", "visa", "mastercard", "amex", "cc", "payment",
                    "pan", "charge", "kreditkarte", "carte", "tarjeta"),
            ContextWords.before(30, -0.45, "order", "invoice", "tracking", "ref", "reference", "serial", "isbn",
                    "imei", "phone", "tel"));

    private Cards() {
    }

    static PatternRecognizer recognizer() {
        return PatternRecognizer.of(EntityType.PAYMENT_CARD, CARD, 0, List.of(), 30 + 40, (text, m, start, end) -> {
            String value = m.group();
            String digits = Checksums.digitsOf(value);
            if (!Checksums.luhn(digits) || !CardIssuer.issues(digits)) return -1;
            if (!grouped(value)) return -1;
            return ContextWords.applyAll(CONTEXT, text, start, end, 0.75);
        }).inDigitRuns(12).settledBy(Settling::valueRun);
    }

    /** Whether the separators, if any, are consistent and form a known grouping. */
    static boolean grouped(String value) {
        if (value.indexOf(' ') < 0 && value.indexOf('-') < 0) return true;
        boolean space = value.indexOf(' ') >= 0;
        boolean dash = value.indexOf('-') >= 0;
        if (space && dash) return false;
        String[] groups = value.split(space ? " " : "-");
        var shape = new StringBuilder();
        for (String g : groups) shape.append(shape.isEmpty() ? "" : "-").append(g.length());
        return GROUPINGS.contains(shape.toString());
    }
}
