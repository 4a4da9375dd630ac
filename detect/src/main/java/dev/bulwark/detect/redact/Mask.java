package dev.bulwark.detect.redact;

import dev.bulwark.detect.EntityType;

/**
 * Stars most of a value and keeps what lets a person recognise it without being able to use it, decided per type:
 * <ul>
 *   <li>e-mail: first character of the local part and the whole domain — {@code j***@example.com};</li>
 *   <li>payment card: last 4 digits — {@code **** **** **** 1111};</li>
 *   <li>IBAN: country code and last 4 — {@code DE** **** **** **** **30 00};</li>
 *   <li>phone: a leading {@code +} and the last 2 digits;</li>
 *   <li>person: the initial of each word — {@code J*** S****};</li>
 *   <li>secrets (every {@link EntityType.Kind#SECRET} type): a fixed {@code ****}, so not even the length is told;
 *       provider formats whose first 4 characters are a public prefix ({@code AKIA}, {@code ghp_}, {@code sk-a},
 *       {@code eyJh}) keep those, which says which provider's key leaked. Passwords and generic secrets keep
 *       nothing;</li>
 *   <li>any other personal data: the last 2 letters or digits.</li>
 * </ul>
 * Separators (spaces, dashes, dots …) stay where they were; at least half of the letters and digits are always
 * starred, so a short value is never shown whole.
 */
public record Mask() implements RedactionOperator {
    static final Mask INSTANCE = new Mask();
    private static final String SECRET_FILL = "****";

    @Override
    public String apply(EntityType type, String value) {
        if (type.kind() == EntityType.Kind.SECRET) return secret(type, value);
        return switch (type) {
            case EMAIL -> email(value);
            case PAYMENT_CARD -> keepEdges(value, 0, 4);
            case IBAN -> keepEdges(value, 2, 4);
            case PHONE -> keepEdges(value, 0, 2);
            case PERSON -> initials(value);
            default -> keepEdges(value, 0, 2);
        };
    }

    private static String secret(EntityType type, String value) {
        boolean publicPrefix = switch (type) {
            case SECRET, API_KEY, URL_CREDENTIALS, PRIVATE_KEY, AWS_SECRET_KEY, SLACK_WEBHOOK -> false;
            default -> true;
        };
        int keep = publicPrefix && value.length() >= 16 ? 4 : 0;
        return value.substring(0, keep) + SECRET_FILL;
    }

    private static String email(String value) {
        int at = value.lastIndexOf('@');
        if (at <= 0) return keepEdges(value, 0, 2);
        return value.substring(0, value.offsetByCodePoints(0, 1)) + "***" + value.substring(at);
    }

    private static String initials(String value) {
        var out = new StringBuilder(value.length());
        boolean wordStart = true;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            boolean letter = Character.isLetterOrDigit(cp);
            if (letter && !wordStart) out.append('*');
            else out.appendCodePoint(cp);
            wordStart = !letter;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** Stars every letter and digit except the first {@code head} and the last {@code tail} of them. */
    static String keepEdges(String value, int head, int tail) {
        int n = (int) value.codePoints().filter(Character::isLetterOrDigit).count();
        while (2 * (head + tail) > n && (head > 0 || tail > 0)) {
            if (tail > 0) tail--;
            else head--;
        }
        var out = new StringBuilder(value.length());
        int seen = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                boolean keep = seen < head || seen >= n - tail;
                if (keep) out.appendCodePoint(cp);
                else out.append('*');
                seen++;
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
