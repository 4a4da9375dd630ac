package dev.bulwark.detect.redact;

import dev.bulwark.detect.EntityType;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.bouncycastle.crypto.fpe.FPEFF1Engine;
import org.bouncycastle.crypto.params.FPEParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * NIST SP 800-38G FF1 (AES-256, radix 10, BouncyCastle) over the digits of a value, so the result has the same
 * shape: same number of digits, separators where they were. The type name is the tweak, so the same digits under
 * two types encrypt differently. Per type:
 * <ul>
 *   <li>payment cards and Canadian SINs keep their first digit (the card network / the province), the digits up to
 *       the last are encrypted and the last is recomputed so the result passes the Luhn check again — it reads as a
 *       valid card. The scanner only reports Luhn-valid numbers, so {@link #decrypt} can recompute the original
 *       check digit too;</li>
 *   <li>other values made only of digits and separators (phone numbers, SSNs, NHS numbers …) with at least
 *       {@value #MIN_DIGITS} digits: every digit is encrypted (check digits of those schemes are not kept);</li>
 *   <li>everything else — e-mails, names, secrets, and IP addresses and dates, which would stop being valid — gets
 *       the type tag, as {@link Replace} does.</li>
 * </ul>
 * FF1 needs at least {@value #MIN_DIGITS} digits (10^6 possible values, the NIST minimum).
 */
public final class FormatPreservingEncryption implements RedactionOperator {
    /** Fewest digits FF1 is used on: 10^6 possible values, the NIST SP 800-38G minimum domain. */
    public static final int MIN_DIGITS = 6;
    private static final Set<EntityType> LUHN = Set.of(EntityType.PAYMENT_CARD, EntityType.CA_SIN);
    private static final Set<EntityType> NOT_NUMBERS = Set.of(EntityType.IP_ADDRESS, EntityType.DATE_OF_BIRTH);

    private final byte[] key;

    FormatPreservingEncryption(RedactionKey key) {
        this.key = key.derive("fpe-ff1");
    }

    @Override
    public String apply(EntityType type, String value) {
        if (!applies(type, value)) return type.tag();
        return Digits.refill(value, transform(type, Digits.of(value), true));
    }

    /** The original of a value this operator produced for {@code type} (same key). */
    public String decrypt(EntityType type, String encrypted) {
        if (!applies(type, encrypted)) {
            throw new IllegalArgumentException("not a format-preserving " + type + " value");
        }
        return Digits.refill(encrypted, transform(type, Digits.of(encrypted), false));
    }

    /**
     * Every digit of {@code value} encrypted with FF1 under {@code tweak}, every separator ({@code " -.()/+"} and the
     * no-break space) kept where it is: same length, digits stay digits. For table columns, where no entity type
     * says which digits to keep. {@link IllegalArgumentException} when the value holds anything but digits and
     * separators, or fewer than {@value #MIN_DIGITS} digits (the message says which).
     */
    public String encryptDigits(String value, byte[] tweak) {
        return Digits.refill(value, ff1(tweak, checkedDigits(value), true));
    }

    /** The original of a value {@link #encryptDigits} produced under the same key and tweak. */
    public String decryptDigits(String value, byte[] tweak) {
        return Digits.refill(value, ff1(tweak, checkedDigits(value), false));
    }

    private static String checkedDigits(String value) {
        if (!Digits.isDigitShaped(value)) {
            throw new IllegalArgumentException("holds characters other than digits and separators (space - . ( ) / +)");
        }
        String digits = Digits.of(value);
        if (digits.length() < MIN_DIGITS) {
            throw new IllegalArgumentException("has " + digits.length() + " digits; format-preserving encryption "
                    + "needs at least " + MIN_DIGITS);
        }
        return digits;
    }

    private boolean applies(EntityType type, String value) {
        if (NOT_NUMBERS.contains(type) || !Digits.isDigitShaped(value)) return false;
        int digits = Digits.of(value).length();
        return LUHN.contains(type) ? digits >= MIN_DIGITS + 2 : digits >= MIN_DIGITS;
    }

    private String transform(EntityType type, String digits, boolean encrypt) {
        if (!LUHN.contains(type)) return ff1(type, digits, encrypt);
        String body = ff1(type, digits.substring(1, digits.length() - 1), encrypt);
        String payload = digits.charAt(0) + body;
        return payload + Digits.luhnCheckDigit(payload);
    }

    private String ff1(EntityType type, String digits, boolean encrypt) {
        return ff1(type.name().getBytes(StandardCharsets.US_ASCII), digits, encrypt);
    }

    private String ff1(byte[] tweak, String digits, boolean encrypt) {
        byte[] in = new byte[digits.length()];
        for (int i = 0; i < in.length; i++) in[i] = (byte) (digits.charAt(i) - '0');
        var engine = new FPEFF1Engine();
        engine.init(encrypt, new FPEParameters(new KeyParameter(key), 10, tweak));
        byte[] out = new byte[in.length];
        engine.processBlock(in, 0, in.length, out, 0);
        var result = new StringBuilder(out.length);
        for (byte b : out) result.append((char) ('0' + b));
        return result.toString();
    }

    @Override
    public String toString() {
        return "FormatPreservingEncryption[***]";
    }
}
