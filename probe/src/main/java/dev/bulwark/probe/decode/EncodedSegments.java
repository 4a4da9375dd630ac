package dev.bulwark.probe.decode;

import dev.bulwark.detect.decode.Encodings;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds base64 and hex segments in a reply and keeps those that decode to readable UTF-8. Unlike the injection
 * detector's decoder (which looks for sentences), a reply's secret can be a short bare code, so a segment needs
 * no space, only 6 readable characters. Work is bounded by the caller's budget of candidates and segments; every
 * pattern is possessive, so matching is linear.
 */
final class EncodedSegments {
    static final int MIN_DECODED = 6;
    private static final Pattern BASE64 = Pattern.compile("(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{12,8192}+={0,2}+");
    private static final Pattern HEX = Pattern.compile(
            "(?<![0-9A-Fa-f])(?:(?:0x|\\\\x)?+[0-9A-Fa-f]{2}[ ,:]?+){6,4096}+");

    private EncodedSegments() {
    }

    /** Counts down what one reply may cost: candidates tried and segments kept. */
    static final class Budget {
        int candidates;
        int segments;

        Budget(int candidates, int segments) {
            this.candidates = candidates;
            this.segments = segments;
        }

        boolean left() {
            return candidates > 0 && segments > 0;
        }
    }

    static void base64(String text, Budget budget, List<DecodedView> out) {
        scan(text, BASE64, Decoding.BASE64, budget, out);
        // A whole reply wrapped over several lines (MIME style): try it once with the line breaks taken out.
        String joined = text.strip().replaceAll("\\s++", "");
        if (!joined.equals(text.strip()) && joined.length() >= 16 && BASE64.matcher(joined).matches()
                && budget.left()) {
            budget.candidates--;
            add(Decoding.BASE64, text.strip(), Encodings.base64(joined), budget, out);
        }
    }

    static void hex(String text, Budget budget, List<DecodedView> out) {
        scan(text, HEX, Decoding.HEX, budget, out);
    }

    private static void scan(String text, Pattern pattern, Decoding decoding, Budget budget, List<DecodedView> out) {
        Matcher m = pattern.matcher(text);
        while (budget.left() && m.find()) {
            String segment = m.group().strip();
            budget.candidates--;
            if (decoding == Decoding.BASE64 && !Encodings.looksLikeBase64(segment)) continue;
            byte[] bytes = decoding == Decoding.BASE64 ? Encodings.base64(segment) : Encodings.hex(segment);
            add(decoding, segment, bytes, budget, out);
        }
    }

    private static void add(Decoding decoding, String segment, byte[] bytes, Budget budget, List<DecodedView> out) {
        String decoded = bytes == null ? null : readable(bytes);
        if (decoded == null) return;
        budget.segments--;
        out.add(new DecodedView(decoding, decoded, segment, true));
    }

    /** Strict UTF-8, nearly all printable, and at least half letters or digits: hashes and binary fail. */
    static String readable(byte[] bytes) {
        String s = Encodings.utf8(bytes);
        if (s == null || s.strip().length() < MIN_DECODED) return null;
        int alnum = 0;
        for (int k = 0; k < s.length(); k++) {
            if (Character.isLetterOrDigit(s.charAt(k))) alnum++;
        }
        return Encodings.printableShare(s) >= 0.95 && alnum >= 0.5 * s.length() ? s : null;
    }
}
