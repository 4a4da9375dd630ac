package dev.bulwark.guard.filter;

import dev.bulwark.detect.decode.Encodings;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a reply says under the encodings a model is easily talked into (base64, hex, rot13, reversed), so a leak check can read
 * a canary the model was asked to encode. Bounded: at most {@value #MAX_SEGMENTS} segments of each kind, each at most
 * {@value #MAX_SEGMENT_CHARS} characters, and only decodings that are mostly printable UTF-8 count. Stateless.
 */
final class EncodedViews {
    static final int MAX_SEGMENTS = 32;
    static final int MAX_SEGMENT_CHARS = 64 * 1024;
    /** Shorter runs decode to too little to hold a canary. */
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]{12,65536}+={0,2}");
    private static final Pattern HEX = Pattern.compile("(?:(?:0x|\\\\x)?[0-9a-fA-F]{2}[ ,:]?){8,32768}+");

    private EncodedViews() {
    }

    /** The decoded texts found in {@code reply}, rot13 and the reverse of the whole reply first; never the reply itself. */
    static List<String> of(String reply) {
        var views = new ArrayList<String>();
        views.add(Encodings.rot13(reply));
        views.add(new StringBuilder(reply).reverse().toString());
        decoded(BASE64.matcher(reply), views, true);
        decoded(HEX.matcher(reply), views, false);
        return views;
    }

    private static void decoded(Matcher m, List<String> views, boolean base64) {
        int found = 0;
        while (m.find() && found < MAX_SEGMENTS) {
            String segment = m.group();
            if (segment.length() > MAX_SEGMENT_CHARS) continue;
            if (base64 && !Encodings.looksLikeBase64(segment)) continue;
            byte[] bytes = base64 ? Encodings.base64(segment) : Encodings.hex(segment.strip());
            String text = bytes == null ? null : Encodings.utf8(bytes);
            if (text != null && Encodings.printableShare(text) > 0.9) {
                views.add(text);
                found++;
            }
        }
    }
}
