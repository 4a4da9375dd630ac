package dev.bulwark.detect.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.detect.EntityType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorsTest {
    private static final RedactionKey KEY = RedactionKey.generate();

    @Test
    void replaceWritesTheTypeTag() {
        assertThat(RedactionOperator.replace().apply(EntityType.EMAIL, "a@b.example")).isEqualTo("<EMAIL>");
        assertThat(RedactionOperator.replace().apply(EntityType.PAYMENT_CARD, "4111111111111111"))
                .isEqualTo("<PAYMENT_CARD>");
    }

    @Test
    void maskKeepsWhatIsDecidedPerType() {
        var mask = RedactionOperator.mask();
        assertThat(mask.apply(EntityType.EMAIL, "jane.doe@example.com")).isEqualTo("j***@example.com");
        assertThat(mask.apply(EntityType.PAYMENT_CARD, "4111 1111 1111 1234")).isEqualTo("**** **** **** 1234");
        assertThat(mask.apply(EntityType.IBAN, "DE89 3704 0044 0532 0130 00")).isEqualTo("DE** **** **** **** **30 00");
        assertThat(mask.apply(EntityType.PHONE, "+44 20 7946 0958")).isEqualTo("+** ** **** **58");
        assertThat(mask.apply(EntityType.PERSON, "Jane Doe")).isEqualTo("J*** D**");
        assertThat(mask.apply(EntityType.AWS_ACCESS_KEY, "AKIAIOSFODNN7EXAMPLE")).isEqualTo("AKIA****");
        assertThat(mask.apply(EntityType.SECRET, "hunter2hunter2hunter2")).isEqualTo("****");
        assertThat(mask.apply(EntityType.US_SSN, "123-45-6789")).isEqualTo("***-**-**89");
    }

    @Test
    void maskNeverShowsMostOfAShortValue() {
        assertThat(Mask.keepEdges("1234", 0, 4)).isEqualTo("**34");
        assertThat(Mask.keepEdges("12", 0, 2)).isEqualTo("*2");
        assertThat(Mask.keepEdges("1", 0, 2)).isEqualTo("*");
    }

    @Test
    void hashIsStableForTheSameKeyAndDiffersAcrossKeys() {
        var hash = RedactionOperator.hash(KEY);
        String token = hash.apply(EntityType.EMAIL, "jane@example.com");
        assertThat(token).matches("<EMAIL:[0-9a-f]{16}>");
        assertThat(RedactionOperator.hash(KEY).apply(EntityType.EMAIL, "jane@example.com")).isEqualTo(token);
        assertThat(hash.apply(EntityType.EMAIL, "Jane@Example.COM")).as("e-mail case is normalised").isEqualTo(token);
        assertThat(hash.apply(EntityType.EMAIL, "john@example.com")).isNotEqualTo(token);
        assertThat(RedactionOperator.hash(RedactionKey.generate()).apply(EntityType.EMAIL, "jane@example.com"))
                .isNotEqualTo(token);
        assertThat(hash.apply(EntityType.PHONE, "+44 20 7946 0958"))
                .as("separators do not change the token").isEqualTo(hash.apply(EntityType.PHONE, "+44-20-7946-0958"));
    }

    @Test
    void hashSurvivesAReloadOfTheKeyFile(@TempDir Path dir) {
        Path file = dir.resolve("k");
        KEY.write(file);
        assertThat(RedactionOperator.hash(RedactionKey.read(file)).apply(EntityType.PHONE, "555-0100-123"))
                .isEqualTo(RedactionOperator.hash(KEY).apply(EntityType.PHONE, "555-0100-123"));
    }

    @Test
    void encryptIsDeterministicAndReversible() {
        var keyset = EncryptionKeyset.generate();
        var encrypt = (DeterministicEncryption) RedactionOperator.encrypt(keyset);
        String token = encrypt.apply(EntityType.EMAIL, "jane@example.com");
        assertThat(token).matches("<EMAIL:[A-Za-z0-9_-]+>").doesNotContain("jane");
        assertThat(encrypt.apply(EntityType.EMAIL, "jane@example.com")).isEqualTo(token);
        assertThat(encrypt.decrypt(token)).contains("jane@example.com");
        assertThat(encrypt.decrypt(encrypt.apply(EntityType.PERSON, "Zoë Ærøskøbing"))).contains("Zoë Ærøskøbing");
    }

    @Test
    void aTokenRelabelledAsAnotherTypeOrForeignKeysetDoesNotDecrypt() {
        var encrypt = (DeterministicEncryption) RedactionOperator.encrypt(EncryptionKeyset.generate());
        String token = encrypt.apply(EntityType.EMAIL, "jane@example.com");
        assertThat(encrypt.decrypt(token.replace("<EMAIL:", "<PERSON:"))).isEmpty();
        assertThat(encrypt.decrypt(token.replace("<EMAIL:", "<NOT_A_TYPE:"))).isEmpty();
        var other = (DeterministicEncryption) RedactionOperator.encrypt(EncryptionKeyset.generate());
        assertThat(other.decrypt(token)).isEmpty();
        assertThat(encrypt.decrypt("<EMAIL:AAAAAAAAAAAA>")).isEmpty();
    }

    @Test
    void rotationEncryptsWithTheNewKeyAndStillDecryptsOldTokens(@TempDir Path dir) {
        Path file = dir.resolve("keyset.json");
        var original = EncryptionKeyset.generate();
        original.write(file);
        String oldToken = RedactionOperator.encrypt(original).apply(EntityType.EMAIL, "jane@example.com");

        EncryptionKeyset.read(file).rotate().overwrite(file);
        var rotated = EncryptionKeyset.read(file);
        assertThat(rotated.size()).isEqualTo(2);
        var encrypt = (DeterministicEncryption) RedactionOperator.encrypt(rotated);
        String newToken = encrypt.apply(EntityType.EMAIL, "jane@example.com");
        assertThat(newToken).as("the new primary key encrypts").isNotEqualTo(oldToken);
        assertThat(encrypt.decrypt(oldToken)).contains("jane@example.com");
        assertThat(encrypt.decrypt(newToken)).contains("jane@example.com");
        assertThat(((DeterministicEncryption) RedactionOperator.encrypt(original)).decrypt(newToken))
                .as("the old keyset does not know the new key").isEmpty();
    }

    @Test
    void fpeKeepsACardACardThatStillPassesLuhn() {
        var fpe = (FormatPreservingEncryption) RedactionOperator.fpe(KEY);
        String card = "4111 1111 1111 1111";
        String out = fpe.apply(EntityType.PAYMENT_CARD, card);
        assertThat(out).matches("4\\d{3} \\d{4} \\d{4} \\d{4}").isNotEqualTo(card);
        assertThat(Digits.luhn(Digits.of(out))).isTrue();
        assertThat(fpe.apply(EntityType.PAYMENT_CARD, card)).as("deterministic").isEqualTo(out);
        assertThat(fpe.decrypt(EntityType.PAYMENT_CARD, out)).isEqualTo(card);
        assertThat(RedactionOperator.fpe(RedactionKey.generate()).apply(EntityType.PAYMENT_CARD, card))
                .isNotEqualTo(out);
    }

    @Test
    void fpeKeepsPhoneShapeAndReverses() {
        var fpe = (FormatPreservingEncryption) RedactionOperator.fpe(KEY);
        for (String phone : new String[] {"+44 20 7946 0958", "(415) 555-0100", "555.0100.123"}) {
            String out = fpe.apply(EntityType.PHONE, phone);
            assertThat(out).hasSameSizeAs(phone).isNotEqualTo(phone);
            assertThat(out.replaceAll("[0-9]", "9")).isEqualTo(phone.replaceAll("[0-9]", "9"));
            assertThat(fpe.decrypt(EntityType.PHONE, out)).isEqualTo(phone);
        }
    }

    @Test
    void fpeFallsBackToTheTagWhereFormatCannotBeKept() {
        var fpe = RedactionOperator.fpe(KEY);
        assertThat(fpe.apply(EntityType.EMAIL, "jane@example.com")).isEqualTo("<EMAIL>");
        assertThat(fpe.apply(EntityType.PHONE, "12345")).as("under FF1's 6-digit minimum").isEqualTo("<PHONE>");
        assertThat(fpe.apply(EntityType.IP_ADDRESS, "192.168.10.20")).isEqualTo("<IP_ADDRESS>");
        assertThat(fpe.apply(EntityType.IBAN, "DE89370400440532013000")).isEqualTo("<IBAN>");
    }

    @Test
    void keyedOperatorsNeverPrintTheirKey() {
        var keyset = EncryptionKeyset.generate();
        for (Object o : new Object[] {KEY, keyset, RedactionOperator.hash(KEY), RedactionOperator.fpe(KEY),
                RedactionOperator.encrypt(keyset)}) {
            assertThat(o.toString()).contains("***").doesNotContain("=").hasSizeLessThan(60);
        }
    }
}
