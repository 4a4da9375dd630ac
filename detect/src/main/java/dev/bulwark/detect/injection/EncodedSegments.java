package dev.bulwark.detect.injection;

import dev.bulwark.detect.decode.Encodings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds base64, hex and rot13 segments and decodes the ones that turn out to be readable text, so the rules and
 * the classifier can read what an attacker encoded. Work is bounded: at most {@value #MAX_CANDIDATES} candidates
 * are tried, at most {@value #MAX_SEGMENTS} decoded segments kept, each at most {@value #MAX_ENCODED} characters
 * long, and rot13 is tried on at most {@value #MAX_LINES} lines. One level only: a decoded segment is not decoded
 * again.
 */
final class EncodedSegments {
    static final int MAX_SEGMENTS = 8;
    static final int MAX_CANDIDATES = 64;
    static final int MAX_ENCODED = 8_192;
    static final int MAX_LINES = 200;

    private static final Pattern BASE64 = Pattern.compile(
            "(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{16,8192}+={0,2}+");
    private static final Pattern HEX = Pattern.compile(
            "(?<![0-9A-Fa-f])(?:[0-9A-Fa-f]{2}){8,4096}+(?![0-9A-Fa-f])"
                    + "|(?<![0-9A-Fa-f])(?:(?:0x|\\\\x)?[0-9A-Fa-f]{2}[ ,:]){7,2048}+(?:0x|\\\\x)?[0-9A-Fa-f]{2}(?![0-9A-Fa-f])");
    private static final Pattern WORD = Pattern.compile("\\p{L}++");
    /** Common English words; a line whose rot13 holds several of them, and which holds none itself, was rot13. */
    private static final Set<String> MARKERS = Set.of("the", "and", "you", "your", "all", "are", "ignore",
            "instructions", "previous", "prompt", "system", "tell", "say", "what", "now", "rules", "reveal", "with",
            "for", "this", "that", "is", "to", "of", "me");

    private EncodedSegments() {
    }

    /** Decoded, readable segments of {@code text} (case preserved: base64 is case-sensitive). */
    static List<NormalizedText.Decoded> decode(String text) {
        var found = new ArrayList<NormalizedText.Decoded>();
        int[] budget = {MAX_CANDIDATES};
        // The regexes try every position; a linear pre-check skips them on ordinary prose (most texts).
        if (longestRun(text) >= 16) scan(text, BASE64, Obfuscation.BASE64, found, budget);
        if (mayHoldHex(text)) scan(text, HEX, Obfuscation.HEX, found, budget);
        rot13(text, found);
        return found;
    }

    private static void scan(String text, Pattern pattern, Obfuscation kind, List<NormalizedText.Decoded> found,
            int[] budget) {
        Matcher m = pattern.matcher(text);
        while (found.size() < MAX_SEGMENTS && budget[0] > 0 && m.find()) {
            budget[0]--;
            String segment = m.group();
            if (kind == Obfuscation.BASE64 && !Encodings.looksLikeBase64(segment)) continue;
            byte[] bytes = kind == Obfuscation.BASE64 ? Encodings.base64(segment) : Encodings.hex(segment);
            String decoded = bytes == null ? null : readable(bytes);
            if (decoded != null) found.add(new NormalizedText.Decoded(kind, decoded));
        }
    }

    /** The longest run of base64 / base64url alphabet characters. */
    private static int longestRun(String text) {
        int run = 0;
        int longest = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            boolean alphabet = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+'
                    || c == '/' || c == '_' || c == '-';
            run = alphabet ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /**
     * Whether {@link #HEX} can match: a run of 16 hex digits, or 7 pairs in a row each followed by a separator
     * (with an optional {@code 0x} / {@code \x} in front). Over-approximates, never misses a match.
     */
    private static boolean mayHoldHex(String text) {
        int run = 0;
        int pairs = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (Character.digit(c, 16) >= 0 && c < 128) {
                if (++run >= 16) return true;
            } else if (c == ' ' || c == ',' || c == ':') {
                pairs = run == 2 ? pairs + 1 : 0;
                if (pairs >= 7) return true;
                run = 0;
            } else if (c == 'x' || c == 'X' || c == '\\') {
                run = 0; // a 0x or \x prefix
            } else {
                run = 0;
                pairs = 0;
            }
        }
        return false;
    }

    /** UTF-8 text, mostly printable, with some letters and a space: binary blobs and hashes fail this. */
    private static String readable(byte[] bytes) {
        if (bytes.length < 8) return null;
        String s = Encodings.utf8(bytes);
        if (s == null) return null;
        int letters = 0;
        boolean space = false;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (Character.isLetter(c)) letters++;
            if (c == ' ') space = true;
        }
        boolean text = Encodings.printableShare(s) >= 0.95 && letters >= 0.5 * s.length() && space;
        return text ? s : null;
    }

    private static void rot13(String text, List<NormalizedText.Decoded> found) {
        int lines = 0;
        int start = 0;
        while (start < text.length() && lines < MAX_LINES && found.size() < MAX_SEGMENTS) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            String line = text.substring(start, end);
            // Plain text holds a marker word almost at once; only then is rotating and counting worth it.
            if (markers(line, 1) == 0) {
                String rotated = rotate(line);
                if (markers(rotated, 3) >= 3) found.add(new NormalizedText.Decoded(Obfuscation.ROT13, rotated));
            }
            start = end + 1;
            lines++;
        }
    }

    /** Marker words in the line, counting up to {@code enough}. */
    private static int markers(String line, int enough) {
        Matcher m = WORD.matcher(line);
        int count = 0;
        while (count < enough && m.find()) {
            if (m.end() - m.start() <= 12 && MARKERS.contains(m.group().toLowerCase(Locale.ROOT))) count++;
        }
        return count;
    }

    static String rotate(String s) {
        return Encodings.rot13(s);
    }
}
