package dev.bulwark.detect.secret;

import dev.bulwark.detect.Checksums;
import dev.bulwark.detect.EntityType;
import dev.bulwark.detect.PatternRecognizer;
import dev.bulwark.detect.ScanText;
import dev.bulwark.detect.Settling;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values assigned to secret-sounding names ({@code DB_PASSWORD=…}, {@code "client_secret": "…"},
 * {@code api_key: …}) and bearer tokens. Passwords are reported when they look like one (a digit, a symbol or
 * mixed case); other names need a random-looking value: length, Shannon entropy, letters and digits.
 */
final class AssignedSecrets {
    private static final Pattern ASSIGNED = Pattern.compile(
            "(?<![\\w.-])([A-Za-z][\\w.-]{0,63}+)[\"']?+[ \\t]{0,3}+(?::=|=>|[:=])[ \\t]{0,3}+[\"']?+([^\\s\"'`,;<>(){}\\[\\]]{1,512}+)");
    private static final Pattern BEARER = Pattern.compile("(?i)\\bbearer[ \\t]{1,4}+([A-Za-z0-9._~+/-]{16,2048}+=*+)");
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)[*x.#_-]*|\\$.*|%.*|<.*|\\{\\{.*|\\{.*|your.*|changeme|example.*|null|none|nil|true|false|undefined"
                    + "|redacted|secret|password|token|string|required|optional|env\\..*|process\\.env.*|os\\.environ.*");

    private static final List<String> PASSWORD_NAMES = List.of("password", "passwd", "pwd", "passphrase", "pass");
    private static final List<String> KEY_NAMES = List.of("apikey", "api_key", "api-key", "access_key", "accesskey",
            "access-key", "private_key", "privatekey");
    private static final List<String> SECRET_NAMES = List.of("secret", "token", "client_secret", "auth", "credential",
            "credentials", "secret_key", "secretkey", "signing_key", "session_key", "encryption_key");

    private AssignedSecrets() {
    }

    static List<PatternRecognizer> recognizers() {
        return List.of(
                PatternRecognizer.of(EntityType.SECRET, ASSIGNED, 2, List.of(), 64 + 12 + 512, AssignedSecrets::score)
                        .within(AssignedSecrets::assignments).settledBy(Settling::valueRun),
                PatternRecognizer.of(EntityType.SECRET, BEARER, 1, List.of("bearer"), 300, (text, m, s, e) ->
                        random(m.group(1), 16, 3.0) ? 0.85 : -1).settledBy(Settling::valueRun));
    }

    /**
     * One window per {@code :} or {@code =} that follows a name (back over at most 3 blanks, a quote and a name of
     * up to 64 characters, starting with a letter): from the name to where the longest value could end. Times
     * ("10:30"), URLs and prose colons are dismissed by looking back a few characters, with no pattern run.
     */
    static int[] assignments(ScanText text) {
        String s = text.text();
        int[] out = new int[16];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ':' && c != '=') continue;
            int p = i;
            if (c == '=' && p > 0 && s.charAt(p - 1) == ':') p--; // ":="
            int blanks = 0;
            while (p > 0 && blanks < 3 && (s.charAt(p - 1) == ' ' || s.charAt(p - 1) == '\t')) {
                p--;
                blanks++;
            }
            if (p > 0 && (s.charAt(p - 1) == '"' || s.charAt(p - 1) == '\'')) p--;
            int nameEnd = p;
            while (p > 0 && nameEnd - p <= 64 && nameChar(s.charAt(p - 1))) p--;
            if (p == nameEnd || nameEnd - p > 64) continue;
            char first = s.charAt(p);
            if (!(first >= 'A' && first <= 'Z' || first >= 'a' && first <= 'z')) continue;
            int to = Math.min(s.length(), i + 2 + 3 + 1 + 512);
            if (n > 0 && p < out[n - 1]) {
                out[n - 1] = Math.max(out[n - 1], to);
            } else {
                if (n + 2 > out.length) out = java.util.Arrays.copyOf(out, out.length * 2);
                out[n++] = p;
                out[n++] = to;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static boolean nameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }

    private static double score(ScanText text, Matcher m, int start, int end) {
        String name = m.group(1).toLowerCase(Locale.ROOT);
        String value = m.group(2);
        if (PLACEHOLDER.matcher(value).matches()) return -1;
        if (endsWithAny(name, PASSWORD_NAMES)) return looksLikePassword(value) ? 0.8 : -1;
        if (endsWithAny(name, KEY_NAMES) || endsWithAny(name, SECRET_NAMES)) return random(value, 12, 3.0) ? 0.85 : -1;
        return -1;
    }

    private static boolean endsWithAny(String name, List<String> suffixes) {
        for (String s : suffixes) if (name.endsWith(s)) return true;
        return false;
    }

    private static boolean looksLikePassword(String v) {
        if (v.length() < 6 || Checksums.entropy(v) < 2.0) return false;
        boolean digit = v.chars().anyMatch(Character::isDigit);
        boolean symbol = v.chars().anyMatch(c -> !Character.isLetterOrDigit(c));
        boolean mixed = v.chars().anyMatch(Character::isUpperCase) && v.chars().anyMatch(Character::isLowerCase);
        return digit || symbol || mixed;
    }

    static boolean random(String v, int minLength, double minEntropy) {
        return v.length() >= minLength && Checksums.entropy(v) >= minEntropy
                && v.chars().anyMatch(Character::isDigit) && v.chars().anyMatch(Character::isLetter);
    }
}
