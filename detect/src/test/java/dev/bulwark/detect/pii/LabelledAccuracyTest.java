package dev.bulwark.detect.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.detect.EntityEngine;
import dev.bulwark.detect.EntityType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Accuracy floors on our own labelled sentences, so {@code verify} guards them without the shared data set (the
 * full evaluation on the Presidio synthetic set is {@code bench/accuracy-pii.sh}).
 */
class LabelledAccuracyTest {
    private static final Pattern MARK = Pattern.compile("\\[\\[([A-Z_]+):(.+?)]]");
    private static final Set<EntityType> CHECKSUMMED = Set.of(EntityType.PAYMENT_CARD, EntityType.IBAN,
            EntityType.US_SSN, EntityType.UK_NHS, EntityType.CA_SIN, EntityType.ES_NIF);

    record Labelled(String text, List<Accuracy.Span> gold) {
    }

    @Test
    void checksummedTypesMeetTheirFloorsAndNothingElseIsInvented() throws IOException {
        var accuracy = new Accuracy();
        for (Labelled l : load()) accuracy.add(l.gold(), EntityEngine.standard().scan(l.text()));
        for (EntityType type : CHECKSUMMED) {
            var c = accuracy.of(type);
            assertThat(c.gold()).as(type + " has examples").isPositive();
            assertThat(c.recall()).as(type + " recall").isGreaterThanOrEqualTo(0.9);
            assertThat(c.precision()).as(type + " precision").isGreaterThanOrEqualTo(0.95);
        }
        var overall = accuracy.overall();
        assertThat(overall.recall()).as("overall recall " + accuracy.byType()).isGreaterThanOrEqualTo(0.9);
        assertThat(overall.precision()).as("overall precision " + accuracy.byType()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void markupParsesToSpansOverThePlainText() {
        var l = parse("card [[PAYMENT_CARD:4111 1111 1111 1111]] ok");
        assertThat(l.text()).isEqualTo("card 4111 1111 1111 1111 ok");
        assertThat(l.gold()).containsExactly(new Accuracy.Span(EntityType.PAYMENT_CARD, 5, 24));
    }

    private static List<Labelled> load() throws IOException {
        try (InputStream in = LabelledAccuracyTest.class.getResourceAsStream("labelled-sentences.txt")) {
            assertThat(in).as("fixture on the test classpath").isNotNull();
            var out = new ArrayList<Labelled>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) out.add(parse(line));
            }
            return out;
        }
    }

    static Labelled parse(String line) {
        var text = new StringBuilder();
        var gold = new ArrayList<Accuracy.Span>();
        Matcher m = MARK.matcher(line);
        int at = 0;
        while (m.find()) {
            text.append(line, at, m.start());
            int start = text.length();
            text.append(m.group(2));
            gold.add(new Accuracy.Span(EntityType.valueOf(m.group(1)), start, text.length()));
            at = m.end();
        }
        text.append(line.substring(at));
        return new Labelled(text.toString(), gold);
    }
}
