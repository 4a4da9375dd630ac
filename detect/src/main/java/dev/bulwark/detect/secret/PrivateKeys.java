package dev.bulwark.detect.secret;

import dev.bulwark.detect.Entity;
import dev.bulwark.detect.EntityType;
import dev.bulwark.detect.Recognizer;
import dev.bulwark.detect.ScanText;
import dev.bulwark.detect.Settling;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * PEM private key blocks, {@code -----BEGIN … PRIVATE KEY-----} to the matching END line, at most
 * {@value #MAX_BLOCK} characters. A header without its END (a truncated paste) still leaks the key body: the
 * header and the base64 lines that follow it are reported. Hand-written: END markers are indexed once, so many
 * unclosed headers cost one pass, not one search each.
 */
final class PrivateKeys implements Recognizer {
    static final int MAX_BLOCK = 16_384;
    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";
    private static final int MAX_LABEL = 40;

    @Override
    public void scan(ScanText scanText, List<Entity> out) {
        String text = scanText.text();
        if (!text.contains(BEGIN)) return;
        List<Integer> ends = positions(text, END);
        int from = 0;
        for (int begin = text.indexOf(BEGIN, from); begin >= 0; begin = text.indexOf(BEGIN, from)) {
            String label = label(text, begin + BEGIN.length());
            from = begin + BEGIN.length();
            if (label == null || !label.endsWith("PRIVATE KEY") && !label.endsWith("PRIVATE KEY BLOCK")) continue;
            int bodyStart = begin + BEGIN.length() + label.length() + DASHES.length();
            int end = closing(text, ends, bodyStart, label);
            if (end < 0) end = bodyEnd(text, bodyStart);
            if (end - begin < BEGIN.length() + label.length() + DASHES.length() + 16) continue;
            out.add(new Entity(EntityType.PRIVATE_KEY, begin, end, 0.99));
            from = end;
        }
    }

    /** The label between {@code BEGIN } and the closing dashes, or null when there is none within bounds. */
    private static String label(String text, int at) {
        int limit = Math.min(text.length(), at + MAX_LABEL + DASHES.length());
        for (int i = at; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '-') return text.startsWith(DASHES, i) ? text.substring(at, i) : null;
            if (c != ' ' && (c < 'A' || c > 'Z') && (c < '0' || c > '9')) return null;
        }
        return null;
    }

    /** End of the matching END line within {@link #MAX_BLOCK}, or -1. */
    private static int closing(String text, List<Integer> ends, int from, String label) {
        int i = Collections.binarySearch(ends, from);
        if (i < 0) i = -i - 1;
        for (; i < ends.size() && ends.get(i) - from <= MAX_BLOCK; i++) {
            int at = ends.get(i);
            String marker = END + label + DASHES;
            if (text.startsWith(marker, at)) return at + marker.length();
            return -1; // a different block's END comes first: this one is unclosed
        }
        return -1;
    }

    /** Where the base64 body (after optional leading whitespace: base64 characters and line breaks) stops. */
    private static int bodyEnd(String text, int from) {
        int limit = Math.min(text.length(), from + MAX_BLOCK);
        int i = from;
        while (i < limit && Character.isWhitespace(text.charAt(i))) i++;
        while (i < limit) {
            char c = text.charAt(i);
            boolean base64 = c < 128 && Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '=';
            if (!base64 && c != '\n' && c != '\r') break;
            i++;
        }
        while (i > from && Character.isWhitespace(text.charAt(i - 1))) i--;
        return i;
    }

    private static List<Integer> positions(String text, String needle) {
        var out = new ArrayList<Integer>();
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) out.add(at);
        return out;
    }

    /** Header and base64 lines are value-like tokens joined by single line breaks. */
    @Override
    public int unsettledFrom(ScanText text) {
        return Settling.valueRun(text);
    }

    /**
     * What it takes to recognise a block — its BEGIN line and the start of the body — not the block's length: a
     * streaming redactor swallows the rest up to the END line, so it need not hold back 16 KB.
     */
    @Override
    public int maxSpan() {
        return 2 * (BEGIN.length() + MAX_LABEL + DASHES.length()) + 16;
    }
}
