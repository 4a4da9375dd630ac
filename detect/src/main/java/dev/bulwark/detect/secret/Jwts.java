package dev.bulwark.detect.secret;

import dev.bulwark.detect.EntityType;
import dev.bulwark.detect.PatternRecognizer;
import dev.bulwark.detect.Settling;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/** JSON Web Tokens: three base64url parts whose header decodes to a JSON object naming an {@code alg}. */
final class Jwts {
    private static final Pattern JWT = Pattern.compile(
            "(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{5,4096}+)\\.[A-Za-z0-9_-]{0,8192}+(?:\\.[A-Za-z0-9_-]{0,4096}+)?+");
    /** A header (with its alg) is what identifies a token, so a JWT is recognised from its first few hundred chars. */
    private static final int RECOGNISED_WITHIN = 512;
    private static final Pattern ALG = Pattern.compile("\"alg\"\\s{0,4}+:");

    private Jwts() {
    }

    static PatternRecognizer recognizer() {
        return PatternRecognizer.of(EntityType.JWT, JWT, 0, List.of("eyj"), RECOGNISED_WITHIN, (text, m, s, e) ->
                headerHasAlg(m.group(1)) ? 0.95 : -1).settledBy(Settling::valueRun);
    }

    static boolean headerHasAlg(String header) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(stripPadding(header)), StandardCharsets.UTF_8).strip();
            return json.startsWith("{") && ALG.matcher(json).find();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** base64url without padding: a length of 4k+1 can never decode. */
    private static String stripPadding(String s) {
        return s.length() % 4 == 1 ? s.substring(0, s.length() - 1) : s;
    }
}
