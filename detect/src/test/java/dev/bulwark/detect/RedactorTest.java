package dev.bulwark.detect;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {
    private final Redactor redactor = Redactor.standard();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "EMAIL|write to jane.doe+shop@example.co.uk today",
            "PHONE|call +44 20 7946 0958 now",
            "PHONE|call (555) 123-4567 now",
            "PHONE|call 030-1234-5678 now",
            "PAYMENT_CARD|card 4111 1111 1111 1111 exp 12/29",
            "PAYMENT_CARD|card 5500-0000-0000-0004.",
            "IBAN|pay to DE89 3704 0044 0532 0130 00 please",
            "IBAN|pay to GB82WEST12345698765432",
            "AWS_ACCESS_KEY|key AKIAIOSFODNN7EXAMPLE here",
            "OPENAI_KEY|OPENAI_API_KEY=sk-proj-4f9Xk2LmQ8rT1vB7nW3zY6cD",
            "GITHUB_TOKEN|token ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
            "JWT|auth eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
            "SECRET|Authorization: Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0",
            "SECRET|password: hunter22",
            "SECRET|client_secret = \"Zx81kLq0Pw7Mn4Bv2Cx9\"",
    })
    void recognisesAndHidesEachEntity(String type, String text) {
        var found = redactor.find(text);
        assertThat(found).extracting(Redactor.Redaction::type).contains(EntityType.valueOf(type));
        var hit = found.stream().filter(r -> r.type() == EntityType.valueOf(type)).findFirst().orElseThrow();
        String value = text.substring(hit.start(), hit.end());
        assertThat(redactor.redact(text)).contains(EntityType.valueOf(type).tag()).doesNotContain(value);
        assertThat(redactor.mask(text)).doesNotContain(value).contains("**");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "card number failing Luhn|card 4111 1111 1111 1112",
            "IBAN with wrong check digits|pay to DE88 3704 0044 0532 0130 00",
            "date and time|on 2024-01-15 10:30 we shipped",
            "version number|upgrade to version 1.2.3.4 today",
            "bare order id|order 1234567890 shipped",
            "low-entropy token value|token = aaaaaaaaaaaaaaaa",
            "canary code in prose|reply with the code BWK-1a2b3c4d now",
            "plain sentence|The bakery opens at 8 and closes at 18.",
            "email-like without a real tld|user@localhost is not an address here",
    })
    void leavesLookAlikesAlone(String why, String text) {
        assertThat(redactor.find(text)).as(why).isEmpty();
        assertThat(redactor.redact(text)).isEqualTo(text);
    }

    @Test
    void keepsTheKeyAndHidesOnlyTheValue() {
        assertThat(redactor.redact("password: hunter22 and api_key=Zx81kLq0Pw7Mn4Bv2Cx9"))
                .isEqualTo("password: <SECRET> and api_key=<SECRET>");
        assertThat(redactor.redact("db at postgres://app:Sup3rS3cret@db.internal:5432/shop"))
                .isEqualTo("db at postgres://<URL_CREDENTIALS>@db.internal:5432/shop");
    }

    @Test
    void maskKeepsAFewCharacters() {
        assertThat(redactor.mask("mail jane.doe@example.com")).isEqualTo("mail ja" + "*".repeat(16) + "om");
        assertThat(Redactor.partial("abcd")).isEqualTo("****");
    }

    @Test
    void dropsWhatWasNotScanned() {
        String huge = "x".repeat(Text.MAX_CHARS) + " jane@example.com";
        String out = redactor.redact(huge);
        assertThat(out).doesNotContain("jane@example.com").endsWith("characters not scanned, removed]");
    }

    @Test
    void hostileInputsComplete() {
        assertThat(redactor.find("1 ".repeat(200_000))).isEmpty();
        assertThat(redactor.find("a".repeat(100_000) + "@")).isEmpty();
        assertThat(redactor.find("eyJ" + "a".repeat(100_000))).isEmpty();
        assertThat(redactor.find("AB12 " + "C".repeat(100_000))).isEmpty();
    }

    @Property(tries = 300)
    void everyLuhnValidCardIsHidden(@ForAll("cards") String card, @ForAll("prose") String before,
                                    @ForAll("prose") String after) {
        String text = before + " " + card + " " + after;
        assertThat(redactor.redact(text)).doesNotContain(card).contains("<PAYMENT_CARD>");
    }

    @Property(tries = 300)
    void everyValidIbanIsHidden(@ForAll("ibans") String iban, @ForAll("prose") String before) {
        String text = before + " IBAN " + iban + ".";
        assertThat(redactor.redact(text)).doesNotContain(iban).contains("<IBAN>");
    }

    @Property(tries = 300)
    void redactionIsIdempotentAndNeverGrowsUnbounded(@ForAll @StringLength(max = 500) String text) {
        String once = redactor.redact(text);
        assertThat(redactor.redact(once)).isEqualTo(once);
        var spans = redactor.find(text);
        for (int i = 1; i < spans.size(); i++) {
            assertThat(spans.get(i).start()).isGreaterThanOrEqualTo(spans.get(i - 1).end());
        }
    }

    @Provide
    Arbitrary<String> cards() {
        // Visa 16: an issuer range and length the engine accepts, random payload, Luhn check digit.
        return Arbitraries.strings().numeric().ofLength(14).map(p -> withLuhnDigit("4" + p));
    }

    @Provide
    Arbitrary<String> ibans() {
        // Country → registered BBAN length (IBAN length minus four).
        var country = Arbitraries.of(java.util.Map.of("DE", 18, "FR", 23, "GB", 18, "NL", 14, "ES", 20, "IT", 23,
                "AT", 16, "CH", 17).entrySet());
        var bban = Arbitraries.strings().withChars("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ").ofLength(30);
        return Combinators.combine(country, bban).as((c, b) -> {
            String body = b.substring(0, c.getValue());
            return c.getKey() + Checksums.ibanCheckDigits(c.getKey(), body) + body;
        });
    }

    @Provide
    Arbitrary<String> prose() {
        return Arbitraries.strings().withChars("abcdefghij ,.").ofMaxLength(30);
    }

    private static String withLuhnDigit(String payload) {
        for (char d = '0'; d <= '9'; d++) {
            if (Checksums.luhn(payload + d)) return payload + d;
        }
        throw new AssertionError("some check digit always fits");
    }
}
