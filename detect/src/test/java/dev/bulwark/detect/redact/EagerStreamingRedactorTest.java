package dev.bulwark.detect.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.detect.Entity;
import dev.bulwark.detect.EntityScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The eager mode: values of every kind the standard engine knows, split at every position, never come out raw and
 * (all but the documented exceptions) come out exactly as the whole text is redacted; ordinary words come out with
 * the chunk after the one that completes them; scans happen per released word, not per character.
 */
class EagerStreamingRedactorTest {
    private static final EntityScanner STANDARD = EntityScanner.standard();

    /** A reply around each value, and the value that must never be emitted. */
    static Stream<List<String>> values() {
        return Stream.of(
                List.of("Sure, write to jane.doe@example.com today.", "jane.doe@example.com"),
                List.of("The card on file is 4111 1111 1111 1111 and it expires soon.", "4111 1111 1111 1111"),
                List.of("Please transfer it to DE89 3704 0044 0532 0130 00 by Monday.", "DE89 3704 0044 0532 0130 00"),
                List.of("Please transfer it to gb29 nwbk 6016 1331 9268 19 by Monday.", "gb29 nwbk 6016 1331 9268 19"),
                List.of("You can call the customer at +1 415 555 0132 after lunch.", "+1 415 555 0132"),
                List.of("Your SSN is 536-22-8712 as requested.", "536-22-8712"),
                List.of("Her NHS number is 943 476 5919 on the letter.", "943 476 5919"),
                List.of("The server logged in from 203.0.113.42 twice.", "203.0.113.42"),
                List.of("The key is AKIAZ3MHQ7R2X5LWN4PB, keep it safe.", "AKIAZ3MHQ7R2X5LWN4PB"),
                List.of("Set DB_PASSWORD = hunter2!x in the env file.", "hunter2!x"),
                List.of("Send Authorization: Bearer 9fQ2xLm4Rt8vWp1zKs7hJd3n as the header.", "9fQ2xLm4Rt8vWp1zKs7hJd3n"),
                List.of("Connect to postgres://admin:s3cretPw@db.example.com/app now.", "admin:s3cretPw"),
                List.of("He was born 12 march 1985 in a small town.", "12 march 1985"),
                List.of("She was born on the 3rd of June, 1990 they say.", "3rd of June, 1990"),
                List.of("Please ask for Dr. Eleanor Whitfield at the desk.", "Eleanor Whitfield"),
                List.of("I met Jane Smith yesterday and she said hello.", "Jane Smith"),
                List.of("Yesterday I met Oliver and he said it was fine.", "Oliver"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void everyTwoWaySplitAndOneCharacterChunksLeakNothingAndMatchTheWholeText(List<String> example) {
        String text = example.get(0);
        String value = example.get(1);
        var op = RedactionOperator.replace();
        String whole = Redaction.redact(text, STANDARD, op);
        assertThat(whole).as("the whole text redacts it").doesNotContain(value);
        for (int at = 1; at < text.length(); at++) {
            var r = StreamingRedactor.eager(STANDARD, op);
            String out = r.accept(text.substring(0, at)) + r.accept(text.substring(at)) + r.finish();
            assertThat(out).as("split at %d", at).isEqualTo(whole);
        }
        var r = StreamingRedactor.eager(STANDARD, op);
        var out = new StringBuilder();
        text.codePoints().forEach(cp -> out.append(r.accept(Character.toString(cp))));
        assertThat(out.append(r.finish()).toString()).isEqualTo(whole);
    }

    /**
     * The whole text may join two names the scanner reports separately around a lower-case particle; streamed, the
     * first may be settled (and redacted alone) before the second arrives. Different tags, no raw name.
     */
    @Test
    void aNameWithLowerCaseParticlesMayComeOutInTwoPiecesButNeverRaw() {
        String text = "Our contact is Maria de la Cruz from the Madrid office.";
        var op = RedactionOperator.replace();
        String whole = Redaction.redact(text, STANDARD, op);
        for (int at = 1; at < text.length(); at++) {
            var r = StreamingRedactor.eager(STANDARD, op);
            String out = r.accept(text.substring(0, at)) + r.accept(text.substring(at)) + r.finish();
            if (!whole.contains("Maria")) assertThat(out).as("split at %d", at).doesNotContain("Maria");
            if (!whole.contains("Cruz")) assertThat(out).as("split at %d", at).doesNotContain("Cruz");
        }
    }

    @Test
    void ordinaryWordsComeOutWithTheChunkAfterTheOneThatCompletesThem() {
        String reply = "Sure thing! The order ships today, and the refund should reach your account within three "
                + "business days. Let me know if there is anything else I can do for you.";
        List<String> chunks = words(reply);
        var r = StreamingRedactor.eager(STANDARD, RedactionOperator.replace());
        var emitted = new StringBuilder();
        int received = 0;
        for (int i = 0; i < chunks.size(); i++) {
            emitted.append(r.accept(chunks.get(i)));
            received += chunks.get(i).length();
            // chunk i completed the word before it (its leading space ends that word): after chunk i + 1 at the
            // latest, everything up to the end of chunk i - 1 is out
            int completedBy = i >= 2 ? received - chunks.get(i).length() - chunks.get(i - 1).length() : 0;
            assertThat(emitted.length()).as("after chunk %d '%s'", i, chunks.get(i)).isGreaterThanOrEqualTo(completedBy);
        }
        assertThat(emitted.append(r.finish()).toString()).isEqualTo(reply);
    }

    @Test
    void valueLikeRunsAreHeldUntilTheyEndAndThenGoOutRedacted() {
        var r = StreamingRedactor.eager(STANDARD, RedactionOperator.replace());
        assertThat(r.accept("Call ")).isEqualTo("");
        assertThat(r.accept("me at ")).isEqualTo("Call me at ");
        assertThat(r.accept("+1 415 ")).isEmpty();
        assertThat(r.accept("555 0132 ")).isEmpty();
        assertThat(r.accept("please")).as("an unfinished token may still continue the number").isEmpty();
        assertThat(r.accept(" ")).isEqualTo("<PHONE> please ");
        assertThat(r.finish()).isEmpty();
    }

    @Test
    void oneCharacterChunksScanOncePerReleasedWordNotPerCharacter() {
        var scans = new AtomicInteger();
        EntityScanner counting = new EntityScanner() {
            @Override
            public List<Entity> scan(String text) {
                scans.incrementAndGet();
                return STANDARD.scan(text);
            }

            @Override
            public int maxSpan() {
                return STANDARD.maxSpan();
            }

            @Override
            public int unsettledFrom(String text) {
                return STANDARD.unsettledFrom(text);
            }
        };
        String text = "the quarterly report is due and our team will review the numbers before we ship it ".repeat(20);
        var r = StreamingRedactor.eager(counting, RedactionOperator.replace());
        var out = new StringBuilder();
        text.chars().forEach(c -> out.append(r.accept(Character.toString((char) c))));
        assertThat(out.append(r.finish()).toString()).isEqualTo(text);
        long words = text.chars().filter(c -> c == ' ').count();
        assertThat(scans.get()).isLessThanOrEqualTo((int) words + 2);
    }

    @Test
    void aPrivateKeyStreamedLineByLineIsSwallowedToItsEndLine() {
        String key = "-----BEGIN RSA PRIVATE KEY-----\n" + ("MIIEowIBAAKCAQEAx7" + "q".repeat(46) + "\n").repeat(40)
                + "-----END RSA PRIVATE KEY-----";
        String text = "Here is the key:\n" + key + "\nDone.";
        var r = StreamingRedactor.eager(STANDARD, RedactionOperator.replace());
        var out = new StringBuilder();
        for (String line : text.split("(?<=\n)")) out.append(r.accept(line));
        out.append(r.finish());
        assertThat(out.toString()).isEqualTo("Here is the key:\n<PRIVATE_KEY>\nDone.");
    }

    /** Word-by-word chunks as a model streams them: each word with the space before it. */
    static List<String> words(String text) {
        var out = new ArrayList<String>();
        for (String w : text.split("(?= )")) out.add(w);
        return out;
    }
}
