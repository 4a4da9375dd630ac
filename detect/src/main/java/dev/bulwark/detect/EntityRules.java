package dev.bulwark.detect;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recognisers behind {@link Redactor}: one pattern per entity, each followed by a validator (check digits,
 * digit counts, entropy) that rejects look-alikes. Patterns use bounded or possessive quantifiers only, so a
 * hostile text cannot make them backtrack.
 */
final class EntityRules {
    private EntityRules() {
    }

    /** One recogniser: the value is {@code group} of a match; {@link Validator} may shorten it or reject it. */
    record Rule(EntityType type, Pattern pattern, int group, Validator validator) {
    }

    @FunctionalInterface
    interface Validator {
        /** End (exclusive) of the accepted value starting at {@code m.start(group)}, or -1 to reject it. */
        int end(CharSequence text, Matcher m, int group);
    }

    private static final Validator AS_IS = (text, m, g) -> m.end(g);

    static final List<Rule> RULES = List.of(
            new Rule(EntityType.JWT, Pattern.compile(
                    "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,4096}+\\.eyJ[A-Za-z0-9_-]{2,8192}+\\.[A-Za-z0-9_-]{0,4096}+"),
                    0, AS_IS),
            new Rule(EntityType.AWS_ACCESS_KEY, Pattern.compile(
                    "(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])"), 0, AS_IS),
            new Rule(EntityType.GITHUB_TOKEN, Pattern.compile(
                    "(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,255}+|github_pat_[A-Za-z0-9_]{22,255}+)"), 0, AS_IS),
            new Rule(EntityType.API_KEY, Pattern.compile(
                    "(?<![A-Za-z0-9_-])(?:sk-[A-Za-z0-9_-]{20,256}+|AIza[A-Za-z0-9_-]{35}|xox[abprs]-[A-Za-z0-9-]{10,200}+)"),
                    0, AS_IS),
            new Rule(EntityType.SECRET, Pattern.compile(
                    "(?i)\\bbearer[ \\t]{1,4}+([A-Za-z0-9._~+/-]{16,2048}+=*+)"), 1, AS_IS),
            new Rule(EntityType.SECRET, Pattern.compile(
                    "(?i)\\b((?:api|access|secret|private|client|auth|refresh|session)?[_-]?(?:key|token|secret)|apikey"
                            + "|password|passwd|pwd|passphrase)[\"']?+[ \\t]{0,3}+[:=][ \\t]{0,3}+[\"']?+"
                            + "([^\\s\"',;<>]{4,512}+)"), 2, EntityRules::keyedSecret),
            new Rule(EntityType.EMAIL, Pattern.compile(
                    "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}+@[A-Za-z0-9-]{1,63}+(?:\\.[A-Za-z0-9-]{1,63}+){1,8}+"),
                    0, EntityRules::email),
            new Rule(EntityType.IBAN, Pattern.compile(
                    "(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?: ?+[A-Z0-9]){11,30}+"), 0, EntityRules::iban),
            new Rule(EntityType.PAYMENT_CARD, Pattern.compile(
                    "(?<![A-Za-z0-9])[0-9](?:[ -]?+[0-9]){12,18}+(?![A-Za-z0-9])"), 0, EntityRules::card),
            new Rule(EntityType.PHONE, Pattern.compile(
                    "(?<![A-Za-z0-9+])\\+?+\\(?+[0-9](?:[ .()-]{0,2}+[0-9]){6,16}+(?![0-9])"), 0, EntityRules::phone));

    private static int keyedSecret(CharSequence text, Matcher m, int group) {
        String key = m.group(1).toLowerCase(Locale.ROOT);
        String value = m.group(group);
        boolean password = key.startsWith("pass") || key.equals("pwd");
        if (password) return m.end(group);
        boolean looksRandom = value.length() >= 12 && Checksums.entropy(value) >= 3.0
                && value.chars().anyMatch(Character::isDigit) && value.chars().anyMatch(Character::isLetter);
        return looksRandom ? m.end(group) : -1;
    }

    private static int email(CharSequence text, Matcher m, int group) {
        String value = m.group(group);
        String tld = value.substring(value.lastIndexOf('.') + 1);
        if (tld.length() < 2 || tld.length() > 24 || !tld.chars().allMatch(Character::isLetter)) return -1;
        return value.indexOf('@') > 0 ? m.end(group) : -1;
    }

    /** Accepts the longest prefix ending at a space boundary whose check digits hold (a following word may cling). */
    private static int iban(CharSequence text, Matcher m, int group) {
        String value = m.group(group);
        int end = value.length();
        for (int tries = 0; tries < 9 && end >= 15; tries++) {
            if (Checksums.iban(value.substring(0, end).replace(" ", ""))) return m.start(group) + end;
            int space = value.lastIndexOf(' ', end - 1);
            if (space < 0) break;
            end = space;
        }
        return -1;
    }

    private static int card(CharSequence text, Matcher m, int group) {
        String digits = digitsOf(m.group(group));
        return digits.length() >= 13 && digits.length() <= 19 && Checksums.luhn(digits) ? m.end(group) : -1;
    }

    /**
     * International numbers (leading +) with 8–15 digits; national ones need 10–11 digits and a separator, so bare
     * ids and timestamps stay readable.
     */
    private static int phone(CharSequence text, Matcher m, int group) {
        String value = m.group(group);
        if (NOT_A_PHONE.matcher(value).lookingAt()) return -1;
        if (m.end(group) < text.length() && text.charAt(m.end(group)) == ':') return -1; // a time of day
        int digits = digitsOf(value).length();
        if (value.startsWith("+")) return digits >= 8 && digits <= 15 ? m.end(group) : -1;
        boolean separated = value.chars().anyMatch(c -> c == ' ' || c == '-' || c == '.' || c == '(');
        return separated && (digits == 10 || digits == 11) ? m.end(group) : -1;
    }

    /** Dates and IPv4 addresses have phone-like digit runs. */
    private static final Pattern NOT_A_PHONE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,3}(?:\\.[0-9]{1,3}){3}(?![0-9])");

    private static String digitsOf(String s) {
        var out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) if (Character.isDigit(s.charAt(i))) out.append(s.charAt(i));
        return out.toString();
    }
}
