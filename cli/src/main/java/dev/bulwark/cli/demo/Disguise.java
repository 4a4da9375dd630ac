package dev.bulwark.cli.demo;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the simulator "reads" a disguised message, the way a capable model does: look-alike letters and invisible
 * characters are undone, Unicode tag characters are read as text, and Base64, hex, ROT13 and leetspeak are decoded.
 * The decoded parts (and a de-leeted copy) are appended to the message on new lines. Both modes read this way — the hardened assistant
 * normalises input before its filters look at it, which is exactly the fix for obfuscated attacks.
 */
final class Disguise {
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{16,}={0,2}");
    private static final Pattern HEX = Pattern.compile("\\b(?:[0-9a-fA-F]{2}){8,}\\b");
    private static final Pattern ROT13_CUE = Pattern.compile("(?i)\\brot-?13\\b");
    private static final Pattern LEET_WORD = Pattern.compile("(?<![\\w-])(?=[A-Za-z]*\\d)(?=\\d*[A-Za-z])[A-Za-z0-9]+(?![\\w-])");
    private static final int LEET_STYLE = 3;
    private static final Map<Character, Character> LOOK_ALIKES = Map.ofEntries(
            Map.entry('а', 'a'), Map.entry('е', 'e'), Map.entry('о', 'o'), Map.entry('р', 'p'), Map.entry('с', 'c'),
            Map.entry('х', 'x'), Map.entry('у', 'y'), Map.entry('і', 'i'), Map.entry('ѕ', 's'), Map.entry('ј', 'j'),
            Map.entry('А', 'A'), Map.entry('В', 'B'), Map.entry('Е', 'E'), Map.entry('К', 'K'), Map.entry('М', 'M'),
            Map.entry('Н', 'H'), Map.entry('О', 'O'), Map.entry('Р', 'P'), Map.entry('С', 'C'), Map.entry('Т', 'T'),
            Map.entry('Х', 'X'), Map.entry('І', 'I'), Map.entry('Ѕ', 'S'), Map.entry('Ј', 'J'), Map.entry('ο', 'o'),
            Map.entry('α', 'a'), Map.entry('ε', 'e'), Map.entry('ι', 'i'));

    private Disguise() {
    }

    /** The message as the assistant understands it: plain letters, visible hidden text, decoded encodings. */
    static String reveal(String message) {
        String bounded = message.length() > Text.MAX_CHARS ? message.substring(0, Text.MAX_CHARS) : message;
        var plain = new StringBuilder(bounded.length());
        var tags = new StringBuilder();
        bounded.codePoints().forEach(cp -> {
            if (cp >= 0xE0020 && cp <= 0xE007E) tags.appendCodePoint(cp - 0xE0000);
            else if (Character.getType(cp) != Character.FORMAT) {
                plain.appendCodePoint(cp <= 0xFFFF ? LOOK_ALIKES.getOrDefault((char) cp, (char) cp) : cp);
            }
        });
        String text = plain.toString();
        var decoded = new StringBuilder();
        if (!tags.isEmpty()) decoded.append('\n').append(tags);
        appendDecoded(decoded, HEX.matcher(text), true);
        appendDecoded(decoded, BASE64.matcher(text), false);
        if (ROT13_CUE.matcher(text).find()) decoded.append('\n').append(rot13(text));
        // Leetspeak only when it is the message's style: a lone "2c3d" is more likely a code fragment.
        if (LEET_WORD.matcher(text).results().limit(LEET_STYLE).count() >= LEET_STYLE) {
            decoded.append('\n').append(LEET_WORD.matcher(text).replaceAll(m -> Matcher.quoteReplacement(unleet(m.group()))));
        }
        return text + decoded;
    }

    private static void appendDecoded(StringBuilder out, Matcher m, boolean hex) {
        while (m.find()) {
            try {
                byte[] bytes = hex ? HexFormat.of().parseHex(m.group()) : Base64.getDecoder().decode(m.group());
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
                if (text.chars().allMatch(c -> c >= 0x20 || c == '\n' || c == '\t')) out.append('\n').append(text);
            } catch (IllegalArgumentException | CharacterCodingException notEncoded) {
                // an ordinary long word that only looks encoded
            }
        }
    }

    private static String rot13(String text) {
        var out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= 'a' && c <= 'z') out.append((char) ('a' + (c - 'a' + 13) % 26));
            else if (c >= 'A' && c <= 'Z') out.append((char) ('A' + (c - 'A' + 13) % 26));
            else out.append(c);
        }
        return out.toString();
    }

    private static String unleet(String word) {
        return word.replace('4', 'a').replace('3', 'e').replace('1', 'i').replace('0', 'o').replace('5', 's')
                .replace('7', 't');
    }
}
