package dev.bulwark.detect.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.detect.EntityScanner;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Streaming redaction equals batch redaction for every chunking, and text without entities is never changed.
 * Run against a small local scanner (entities shorter than the chunks, so boundaries cut through them constantly)
 * and against the standard scanner with its real {@code maxSpan}.
 */
class StreamingRedactorPropertiesTest {
    private static final EntityScanner STANDARD = EntityScanner.standard();
    /** Scan step for the standard scanner: small, so one text is drained several times. */
    private static final int STEP = 1000;

    @Property(tries = 600)
    void streamingEqualsBatchForAnyChunking(@ForAll("textsWithDigitsAndEmails") String text,
                                            @ForAll("cutPoints") List<Integer> cuts,
                                            @ForAll @IntRange(min = 1, max = 40) int step) {
        var op = RedactionOperator.replace();
        String batch = Redaction.redact(text, LocalTestScanner.INSTANCE, op);
        String streamed = stream(StreamingRedactor.of(LocalTestScanner.INSTANCE, op, step), text, cuts);
        assertThat(streamed).isEqualTo(batch);
    }

    @Property(tries = 200)
    void textWithoutEntitiesIsNeverChanged(@ForAll("textsWithoutEntities") String text,
                                           @ForAll("cutPoints") List<Integer> cuts) {
        var op = RedactionOperator.mask();
        assertThat(Redaction.redact(text, LocalTestScanner.INSTANCE, op)).isEqualTo(text);
        assertThat(stream(StreamingRedactor.of(LocalTestScanner.INSTANCE, op, 7), text, cuts)).isEqualTo(text);
    }

    @Property(tries = 200)
    void theStandardScannerNeverChangesTextWithoutEntities(@ForAll("proseWithoutEntities") String text,
                                                            @ForAll("cutPoints") List<Integer> cuts) {
        Assume.that(STANDARD.scan(text).isEmpty());
        assertThat(stream(StreamingRedactor.of(STANDARD, RedactionOperator.replace()), text, cuts)).isEqualTo(text);
    }

    /** Each text is longer than the real maxSpan plus several steps, so every try drains several times. */
    @Property(tries = 12)
    void theStandardScannerStreamsLikeItRedactsInBatch(@ForAll("longProseWithPlantedEntities") String text,
                                                        @ForAll("cutPoints") List<Integer> cuts) {
        var op = RedactionOperator.replace();
        String batch = Redaction.redact(text, STANDARD, op);
        assertThat(stream(StreamingRedactor.of(STANDARD, op, STEP), text, cuts)).isEqualTo(batch);
    }

    /** The eager mode releases text sooner, but what it releases is the same. */
    @Property(tries = 40)
    void theEagerModeStreamsLikeItRedactsInBatch(@ForAll("longProseWithPlantedEntities") String text,
                                                 @ForAll("cutPoints") List<Integer> cuts) {
        var op = RedactionOperator.replace();
        assertThat(stream(StreamingRedactor.eager(STANDARD, op), text, cuts)).isEqualTo(Redaction.redact(text, STANDARD, op));
    }

    /** Feeds {@code text} cut at the given fractions (per mille) of its length; returns everything emitted. */
    static String stream(StreamingRedactor redactor, String text, List<Integer> perMille) {
        var points = new ArrayList<Integer>();
        for (int p : perMille) points.add((int) ((long) p * text.length() / 1000));
        points.add(text.length());
        points.sort(Integer::compare);
        var out = new StringBuilder();
        int at = 0;
        for (int p : points) {
            out.append(redactor.accept(text.substring(at, Math.max(at, p))));
            at = Math.max(at, p);
        }
        return out.append(redactor.finish()).toString();
    }

    @Provide
    Arbitrary<List<Integer>> cutPoints() {
        return Arbitraries.integers().between(0, 1000).list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<String> textsWithDigitsAndEmails() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(15);
        Arbitrary<String> words = Arbitraries.strings().withChars("abcxyz.").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> emails = Combinators.combine(
                Arbitraries.strings().withChars("ab").ofMinLength(1).ofMaxLength(11),
                Arbitraries.strings().withChars("cd").ofMinLength(1).ofMaxLength(11))
                .as((local, domain) -> local + "@" + domain + ".com");
        Arbitrary<String> separators = Arbitraries.of(" ", "\n", "\r\n", "@", "-", "é", "😀", "\t", ".com");
        return Arbitraries.oneOf(digits, words, emails, separators).list().ofMaxSize(120)
                .map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> textsWithoutEntities() {
        return Arbitraries.strings().withChars("abcxyz .,;:!?-\r\n\téàß😀✓").ofMaxLength(400);
    }

    @Provide
    Arbitrary<String> proseWithoutEntities() {
        return words().list().ofMaxSize(400).map(w -> String.join(" ", w));
    }

    /** Longer than maxSpan plus several steps, so values land in hold-back, context and emitted text. */
    @Provide
    Arbitrary<String> longProseWithPlantedEntities() {
        int length = STANDARD.maxSpan() + 6 * STEP;
        Arbitrary<String> planted = Arbitraries.of(
                "jane.doe@example.com", "4111 1111 1111 1111", "5555-5555-5555-4444", "AKIAIOSFODNN7EXAMPLE",
                "DE89 3704 0044 0532 0130 00", "+44 20 7946 0958", "ops@corp.example.org", "version 2.14.3",
                "4111 1111 1111 1112", "order 100234567");
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(60, words()), net.jqwik.api.Tuple.of(1, planted),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(".\n", ",", "\r\n\r\n", "—")));
        return piece.list().ofMinSize(length / 5).ofMaxSize(length / 4).map(p -> String.join(" ", p));
    }

    private static Arbitrary<String> words() {
        return Arbitraries.of("the", "quarterly", "report", "is", "due", "and", "our", "team", "will", "review",
                "numbers", "before", "friday", "café", "naïve", "über", "we", "shipped", "it", "über-fast", "ok");
    }
}
