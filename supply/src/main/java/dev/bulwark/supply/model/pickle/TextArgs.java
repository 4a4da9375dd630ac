package dev.bulwark.supply.model.pickle;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decoding of the newline-terminated text arguments of protocol-0 opcodes, the way CPython's unpickler reads them. */
final class TextArgs {
    /** The argument is not what CPython would accept: loading the pickle would fail here. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private TextArgs() {
    }

    /** UTF-8, strictly: CPython decodes GLOBAL and INST operands this way and fails on bad bytes. */
    static String utf8(byte[] line) throws Malformed {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("module or name is not valid UTF-8");
        }
    }

    /** An INT/LONG line as a long, or null when it is a valid integer too big for one (or a bool "00"/"01"). */
    static Long integer(byte[] line) throws Malformed {
        String s = new String(line, StandardCharsets.ISO_8859_1).strip();
        if (s.endsWith("L")) s = s.substring(0, s.length() - 1);
        if (s.isEmpty() || !s.matches("[+-]?\\d+")) throw new Malformed("integer argument is not a number");
        if (s.length() > 18) return null;
        return Long.parseLong(s);
    }

    /** A STRING argument: a Python repr of a byte string, quoted with ' or ". */
    static String quoted(byte[] line) throws Malformed {
        int n = line.length;
        while (n > 0 && (line[n - 1] == '\r' || line[n - 1] == ' ')) n--;
        if (n < 2 || line[0] != line[n - 1] || (line[0] != '\'' && line[0] != '"')) {
            throw new Malformed("the STRING opcode argument must be quoted");
        }
        return unescape(line, 1, n - 1, false);
    }

    /** A UNICODE argument: raw-unicode-escape, where only {@code \\uXXXX} and {@code \\UXXXXXXXX} are escapes. */
    static String rawUnicode(byte[] line) throws Malformed {
        return unescape(line, 0, line.length, true);
    }

    private static String unescape(byte[] b, int from, int to, boolean rawUnicode) throws Malformed {
        StringBuilder out = new StringBuilder(to - from);
        for (int k = from; k < to; k++) {
            char c = (char) (b[k] & 0xFF);
            if (c != '\\' || k + 1 >= to) {
                out.append(c);
                continue;
            }
            char e = (char) (b[k + 1] & 0xFF);
            if (rawUnicode) {
                int width = e == 'u' ? 4 : e == 'U' ? 8 : 0;
                if (width == 0) {
                    out.append(c);
                    continue;
                }
                out.appendCodePoint(hex(b, k + 2, width, to));
                k += 1 + width;
                continue;
            }
            k++;
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int v = e - '0';
                    for (int digits = 1; digits < 3 && k + 1 < to && b[k + 1] >= '0' && b[k + 1] <= '7'; digits++) {
                        v = v * 8 + (b[++k] - '0');
                    }
                    out.append((char) (v & 0xFF));
                }
                case 'x' -> {
                    out.append((char) hex(b, k + 1, 2, to));
                    k += 2;
                }
                case '\n' -> { }
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000b');
                case '\\', '\'', '"' -> out.append(e);
                default -> out.append('\\').append(e);
            }
        }
        return out.toString();
    }

    private static int hex(byte[] b, int from, int width, int to) throws Malformed {
        if (from + width > to) throw new Malformed("truncated escape in text argument");
        int v = 0;
        for (int k = from; k < from + width; k++) {
            int d = Character.digit(b[k], 16);
            if (d < 0) throw new Malformed("bad escape in text argument");
            v = v * 16 + d;
        }
        if (v > Character.MAX_CODE_POINT) throw new Malformed("escape beyond Unicode");
        return v;
    }
}
