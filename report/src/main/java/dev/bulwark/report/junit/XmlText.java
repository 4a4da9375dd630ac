package dev.bulwark.report.junit;

/**
 * Makes text safe for XML 1.0: the stream writer escapes markup, but characters XML 1.0 cannot carry at all
 * (most control characters, lone surrogates) would still make the file unparsable, so they become U+FFFD.
 */
final class XmlText {
    private XmlText() {
    }

    static String clean(String text) {
        if (text == null) return "";
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (allowed(c)) {
                out.append(c);
            } else {
                out.append('\uFFFD');
            }
        }
        return out.toString();
    }

    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
