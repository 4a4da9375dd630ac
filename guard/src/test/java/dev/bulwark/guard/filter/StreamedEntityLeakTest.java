package dev.bulwark.guard.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.guard.pipeline.OutputFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The acceptance suite for streamed replies: PII and secrets split across SSE chunks at every position (and three
 * ways for a sample of positions) never reach the client, not even an 8-character piece, and the streamed result
 * equals the whole-reply filter's.
 */
class StreamedEntityLeakTest {
    private static final OutputFilter OUTPUT = Filters.output(Replies.defaults());

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("email", "jane.doe@example.com"),
                Arguments.of("card", "4111 1111 1111 1111"),
                Arguments.of("iban", "DE89 3704 0044 0532 0130 00"),
                Arguments.of("phone", "+1 415 555 0132"),
                Arguments.of("us-ssn", "536-22-8712"),
                Arguments.of("openai-key", "sk-proj-" + "Xq7vR2mK9pL4tW8zN3bY6cF1hJ5dG0sA" + "e4Tu9Wq2Lm7Zp3Rk"),
                Arguments.of("aws-key", "AKIAZ3MHQ7R2X5LWN4PB"),
                Arguments.of("pem", pem()),
                Arguments.of("jwt", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4g"
                        + "RG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSFMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"),
                Arguments.of("iban-lower-case", "gb29 nwbk 6016 1331 9268 19"),
                Arguments.of("person", "Eleanor Whitfield"),
                Arguments.of("date-of-birth", "12 march 1985"),
                Arguments.of("ip-address", "203.0.113.42"),
                Arguments.of("password", "hunter2!x"),
                Arguments.of("bearer", "9fQ2xLm4Rt8vWp1zKs7hJd3n"),
                Arguments.of("url-login", "admin:s3cretPw"),
                Arguments.of("uk-nhs", "943 476 5919"));
    }

    static String reply(String kind, String value) {
        String lead = switch (kind) {
            case "us-ssn" -> "Your SSN is ";
            case "phone" -> "You can call the customer at ";
            case "iban" -> "Please transfer it to IBAN ";
            case "card" -> "The card on file is ";
            case "pem" -> "Here is the key:\n";
            case "iban-lower-case" -> "Please transfer it to ";
            case "person" -> "Please ask for Dr. ";
            case "date-of-birth" -> "He was born ";
            case "ip-address" -> "The server logged in from ";
            case "password" -> "Set DB_PASSWORD = ";
            case "bearer" -> "Send Authorization: Bearer ";
            case "url-login" -> "Connect to postgres://";
            case "uk-nhs" -> "Her NHS number is ";
            default -> "Sure, here it is: ";
        };
        String after = kind.equals("url-login") ? "@db.example.com/app" : "";
        return lead + value + after + "\nLet me know if you need anything else.";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void everyTwoWaySplitLeaksNothingAndMatchesTheWholeReply(String kind, String value) {
        String reply = reply(kind, value);
        String whole = Replies.filterWhole(OUTPUT, reply);
        assertThat(whole).as("the whole-reply filter finds the %s", kind).isNotNull();
        assertNoLeak(whole, value, "whole");
        for (int at = 1; at < reply.length(); at++) {
            var streamed = Replies.stream(OUTPUT, Replies.split(reply, at));
            assertThat(streamed.blocked()).isFalse();
            assertNoLeak(streamed.content(), value, "split at " + at);
            assertThat(streamed.content()).as("split at %d", at).isEqualTo(whole);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void threeWaySplitsAndSingleCharacterChunksLeakNothing(String kind, String value) {
        String reply = reply(kind, value);
        String whole = Replies.filterWhole(OUTPUT, reply);
        var random = new Random(kind.hashCode());
        for (int i = 0; i < 150; i++) {
            int a = 1 + random.nextInt(reply.length() - 2);
            int b = a + 1 + random.nextInt(reply.length() - a - 1);
            var streamed = Replies.stream(OUTPUT, Replies.split(reply, a, b));
            assertNoLeak(streamed.content(), value, "split at " + a + "," + b);
            assertThat(streamed.content()).as("split at %d,%d", a, b).isEqualTo(whole);
        }
        var chars = new ArrayList<String>();
        reply.codePoints().forEach(cp -> chars.add(Character.toString(cp)));
        var streamed = Replies.stream(OUTPUT, chars);
        assertNoLeak(streamed.content(), value, "one char per chunk");
        assertThat(streamed.content()).isEqualTo(whole);
    }

    static void assertNoLeak(String emitted, String value, String how) {
        assertThat(emitted).as(how).doesNotContain(value);
        for (int i = 0; i + 8 <= value.length(); i++) {
            String piece = value.substring(i, i + 8);
            assertThat(emitted).as("%s: 8-char piece '%s'", how, piece).doesNotContain(piece);
        }
    }

    /** A PEM private key block with a random (not a real key) body. */
    static String pem() {
        var random = new Random(42);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var lines = new ArrayList<String>(List.of("-----BEGIN RSA PRIVATE KEY-----"));
        for (int l = 0; l < 12; l++) {
            var line = new StringBuilder();
            for (int c = 0; c < 64; c++) line.append(alphabet.charAt(random.nextInt(alphabet.length())));
            lines.add(line.toString());
        }
        lines.add("-----END RSA PRIVATE KEY-----");
        return String.join("\n", lines);
    }
}
