package dev.bulwark.detect.pii;

import dev.bulwark.detect.EntityType;
import dev.bulwark.detect.PatternRecognizer;
import dev.bulwark.detect.Settling;
import dev.bulwark.detect.ScanText;
import java.util.List;
import java.util.regex.Pattern;

/** The {@code user:password} of {@code scheme://user:password@host}: the host stays readable, the login does not. */
final class UrlCredentials {
    private static final Pattern URL = Pattern.compile(
            "(?i)\\b[a-z][a-z0-9+.-]{1,15}+://([^\\s:/?#@\"'<>]{1,128}+:[^\\s/?#@\"'<>]{1,256}+)@[a-z0-9.\\[-]");

    private UrlCredentials() {
    }

    static PatternRecognizer recognizer() {
        return PatternRecognizer.of(EntityType.URL_CREDENTIALS, URL, 1, List.of("://"), 420, (text, m, s, e) -> {
            String password = m.group(1).substring(m.group(1).indexOf(':') + 1);
            // Documentation placeholders are not leaks.
            if (password.matches("(?i)\\*+|x+|\\$\\{[^}]{1,64}}|<[^>]{1,64}>|password|pass|secret")) return 0.3;
            return 0.95;
        }).anchoredAt(ScanText.Anchor.ASSIGN).settledBy(Settling::valueRun);
    }
}
