package dev.bulwark.detect.pii;

import dev.bulwark.detect.EntityType;
import dev.bulwark.detect.PatternRecognizer;
import dev.bulwark.detect.Settling;
import dev.bulwark.detect.ScanText;
import java.util.List;
import java.util.regex.Pattern;

/** E-mail addresses: RFC 5321 length limits, dotted domain, an alphabetic top-level domain. */
final class Emails {
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}+@[A-Za-z0-9-]{1,63}+(?:\\.[A-Za-z0-9-]{1,63}+){1,8}+");

    private Emails() {
    }

    static PatternRecognizer recognizer() {
        return PatternRecognizer.of(EntityType.EMAIL, EMAIL, 0, List.of("@"), 600, (text, m, start, end) -> {
            String value = m.group();
            String tld = value.substring(value.lastIndexOf('.') + 1);
            boolean alphabetic = tld.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
            if (tld.length() < 2 || tld.length() > 24 || !alphabetic) return -1;
            if (value.charAt(0) == '.' || value.contains("..")) return -1;
            return 0.9;
        }).anchoredAt(ScanText.Anchor.AT).settledBy(Settling::valueRun);
    }
}
