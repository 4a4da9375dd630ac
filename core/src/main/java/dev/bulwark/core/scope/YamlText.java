package dev.bulwark.core.scope;

/**
 * Writes values and comments into generated YAML safely: a discovered file name or URL can hold quotes, line breaks
 * or {@code ${}, and must not be able to change the file's structure or trigger variable expansion.
 */
public final class YamlText {
    private YamlText() {
    }

    /** A double-quoted YAML scalar that reads back as exactly {@code value} (after {@code $${} unescaping). */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c == '$' && value.startsWith("${", i)) out.append("$$");
            else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
                    || Character.isSurrogate(c) && !validPair(value, i)) {
                out.append(String.format("\\u%04x", Character.isSurrogate(c) ? 0xFFFD : (int) c));
            } else {
                out.append(c);
                if (Character.isHighSurrogate(c)) out.append(value.charAt(++i));
            }
        }
        return out.append('"').toString();
    }

    /** Text safe inside a {@code #} comment: one line, printable. */
    static String comment(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length() && out.length() < 300; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
                    || Character.isSurrogate(c) ? '?' : c);
        }
        return out.toString();
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
}
