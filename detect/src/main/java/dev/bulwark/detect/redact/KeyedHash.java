package dev.bulwark.detect.redact;

import dev.bulwark.detect.EntityType;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * {@code <EMAIL:9f86d081884c7d65>}: HMAC-SHA256 of the normalised value under a sub-key of the
 * {@link RedactionKey}, first {@value #HEX_CHARS} hex digits (64 bits: collisions are unlikely below billions of
 * distinct values). Same value and key, same token, so redacted data sets can still be joined; without the key the
 * token cannot be turned back or confirmed by guessing. Normalised first so formatting does not break joins: e-mail
 * addresses lower-cased, values made only of digits and separators reduced to their digits (and a leading
 * {@code +}).
 */
public final class KeyedHash implements RedactionOperator {
    static final int HEX_CHARS = 16;
    private final byte[] key;

    KeyedHash(RedactionKey key) {
        this.key = key.derive("hash");
    }

    @Override
    public String apply(EntityType type, String value) {
        byte[] mac = RedactionKey.hmac(key, normalise(type, value).getBytes(StandardCharsets.UTF_8));
        return "<" + type.name() + ":" + HexFormat.of().formatHex(mac).substring(0, HEX_CHARS) + ">";
    }

    /**
     * The full HMAC-SHA256 (64 hex digits) of {@code value} exactly as given, with no type and no normalisation: for
     * table columns, where the column, not a detector, says what the value is.
     */
    public String hex(String value) {
        return HexFormat.of().formatHex(RedactionKey.hmac(key, value.getBytes(StandardCharsets.UTF_8)));
    }

    static String normalise(EntityType type, String value) {
        if (type == EntityType.EMAIL) return value.toLowerCase(Locale.ROOT);
        if (!Digits.isDigitShaped(value)) return value;
        String digits = Digits.of(value);
        return value.strip().startsWith("+") ? "+" + digits : digits;
    }

    @Override
    public String toString() {
        return "KeyedHash[***]";
    }
}
