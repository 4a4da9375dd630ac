package dev.bulwark.supply.model.archive;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Entry names: UTF-8 when the language-encoding flag (bit 11) says so, else the historical IBM437. */
final class ZipNames {
    private static final Charset LEGACY = legacy();

    private ZipNames() {
    }

    static String decode(byte[] raw, int flags) {
        return new String(raw, (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : LEGACY);
    }

    private static Charset legacy() {
        try {
            return Charset.forName("IBM437");
        } catch (RuntimeException notInstalled) {
            return StandardCharsets.ISO_8859_1;
        }
    }
}
