package dev.bulwark.probe.decode;

import dev.bulwark.detect.decode.Encodings;

import java.util.ArrayList;
import java.util.List;

/**
 * The decoded views of a reply: what a bot that answers in base64, hex, rot13, reversed text, leetspeak, zero-width
 * splitting or Unicode tag characters actually said. Bounded: only the first {@value #MAX_CHARS} characters are
 * read, at most {@value #MAX_CANDIDATES} encoded candidates tried and {@value #MAX_SEGMENTS} segments kept, and
 * decoding is one level deep (a decoded segment is not decoded again). Ordinary prose yields no views: every
 * segment must decode to readable text, and whole-text transforms are only produced when they change something.
 */
public final class ReplyDecoder {
    static final int MAX_CHARS = 20_000;
    static final int MAX_CANDIDATES = 64;
    static final int MAX_SEGMENTS = 8;
    private static final int TAG_FIRST = 0xE0000;

    private ReplyDecoder() {
    }

    /** Every decoded view of {@code reply} (not the reply itself), segment views first. */
    public static List<DecodedView> views(String reply) {
        if (reply == null || reply.isEmpty()) return List.of();
        String text = reply.length() > MAX_CHARS ? reply.substring(0, MAX_CHARS) : reply;
        var out = new ArrayList<DecodedView>();
        invisible(text, out);
        var budget = new EncodedSegments.Budget(MAX_CANDIDATES, MAX_SEGMENTS);
        EncodedSegments.base64(text, budget, out);
        EncodedSegments.hex(text, budget, out);
        String visible = out.stream().filter(v -> v.decoding() == Decoding.INVISIBLE).map(DecodedView::text)
                .findFirst().orElse(text);
        whole(text, visible, Decoding.ROT13, rot13(visible), out);
        whole(text, visible, Decoding.REVERSED, new StringBuilder(visible).reverse().toString(), out);
        whole(text, visible, Decoding.LEETSPEAK, Leet.fold(visible), out);
        return List.copyOf(out);
    }

    /** Tag characters spell ASCII; other format characters (zero-width space, joiners, bidi marks) split words. */
    private static void invisible(String text, List<DecodedView> out) {
        var tags = new StringBuilder();
        var tagSource = new StringBuilder();
        var visible = new StringBuilder(text.length());
        boolean hidden = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= TAG_FIRST + 0x20 && cp <= TAG_FIRST + 0x7E) {
                tags.append((char) (cp - TAG_FIRST));
                tagSource.appendCodePoint(cp);
            } else if (Character.getType(cp) == Character.FORMAT || cp >= 0xFE00 && cp <= 0xFE0F) {
                hidden = true;
            } else {
                visible.appendCodePoint(cp);
            }
        }
        if (!tags.toString().isBlank()) {
            out.add(new DecodedView(Decoding.TAG_CHARACTERS, tags.toString(), tagSource.toString(), true));
        }
        if (hidden) out.add(new DecodedView(Decoding.INVISIBLE, visible.toString(), text, true));
    }

    private static void whole(String original, String visible, Decoding decoding, String transformed,
                              List<DecodedView> out) {
        if (transformed.equalsIgnoreCase(visible)) return;
        out.add(new DecodedView(decoding, transformed, original, CommonWords.improves(original, transformed)));
    }

    static String rot13(String s) {
        return Encodings.rot13(s);
    }
}
