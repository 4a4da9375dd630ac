package dev.bulwark.detect.decode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The decoding primitives shared by everything that looks through a disguise: the injection detector (what an
 * attacker encoded in a prompt) and the probes' reply judges (what a model encoded in its answer). Pure and
 * linear; callers bound how many segments they try.
 */
public final class Encodings {
    private static final Pattern HEX_NOISE = Pattern.compile("0x|\\\\x|[ ,:]");

    private Encodings() {
    }

    /**
     * The bytes of a base64 (standard or URL-safe, padding optional) segment, or null when it is not one. A
     * trailing character that cannot complete a quantum is dropped, as lenient decoders do.
     */
    public static byte[] base64(String segment) {
        String s = segment.replace('-', '+').replace('_', '/').replace("=", "");
        if (s.length() % 4 == 1) s = s.substring(0, s.length() - 1);
        try {
            return Base64.getDecoder().decode(s + "=".repeat((4 - s.length() % 4) % 4));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /** The bytes of hex digits, optionally written with 0x / \x prefixes and space, comma or colon separators. */
    public static byte[] hex(String segment) {
        String digits = HEX_NOISE.matcher(segment).replaceAll("");
        if (digits.length() % 2 != 0) return null;
        try {
            return HexFormat.of().parseHex(digits);
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }

    /** Long plain words ("internationalisation") match the base64 alphabet; real base64 mixes case or holds digits. */
    public static boolean looksLikeBase64(String segment) {
        boolean upper = false;
        boolean lower = false;
        boolean digitOrSymbol = false;
        for (int k = 0; k < segment.length(); k++) {
            char c = segment.charAt(k);
            if (c >= 'A' && c <= 'Z') upper = true;
            else if (c >= 'a' && c <= 'z') lower = true;
            else digitOrSymbol = true;
        }
        return (upper && lower) || digitOrSymbol;
    }

    /** Strict UTF-8 decoding, or null for bytes that are not valid UTF-8 (binary blobs, hashes). */
    public static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException binary) {
            return null;
        }
    }

    /** Share of characters that are printable (line breaks and tabs count as printable), 0 for an empty text. */
    public static double printableShare(String s) {
        if (s.isEmpty()) return 0;
        int printable = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (!Character.isISOControl(c) || c == '\n' || c == '\t' || c == '\r') printable++;
        }
        return (double) printable / s.length();
    }

    /** ROT13 of the ASCII letters; everything else unchanged. */
    public static String rot13(String s) {
        var out = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c >= 'a' && c <= 'z') c = (char) ('a' + (c - 'a' + 13) % 26);
            else if (c >= 'A' && c <= 'Z') c = (char) ('A' + (c - 'A' + 13) % 26);
            out.append(c);
        }
        return out.toString();
    }
}
