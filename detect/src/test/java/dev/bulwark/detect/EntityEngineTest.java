package dev.bulwark.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntityEngineTest {
    private final EntityEngine engine = EntityEngine.standard();

    @Test
    void standardScannerIsTheEngine() {
        assertThat(EntityScanner.standard()).isSameAs(EntityEngine.standard());
    }

    @Test
    void contextWordsRaiseAndLowerScores() {
        double bare = scoreOf("ref 536-22-8726", EntityType.US_SSN, 0.0);
        double withContext = scoreOf("SSN 536-22-8726", EntityType.US_SSN, 0.0);
        assertThat(withContext).isGreaterThan(bare);
        double card = scoreOf("card 4111111111111111", EntityType.PAYMENT_CARD, 0.0);
        double order = scoreOf("order 4111111111111111", EntityType.PAYMENT_CARD, 0.0);
        assertThat(card).isGreaterThan(order);
        assertThat(order).isLessThan(EntityEngine.DEFAULT_THRESHOLD);
    }

    @Test
    void thresholdIsConfigurable() {
        String meeting = "The meeting is on 12 March 2025.";
        assertThat(engine.scan(meeting)).isEmpty();
        var everything = EntityEngine.builder().threshold(0.0).build();
        assertThat(everything.scan(meeting)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EntityType.DATE_OF_BIRTH);
            assertThat(e.score()).isLessThan(EntityEngine.DEFAULT_THRESHOLD);
        });
        assertThatThrownBy(() -> EntityEngine.builder().threshold(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overlapsKeepTheHigherScoreThenTheLongerSpan() {
        // The URL login (0.95) beats the e-mail look-alike "s3cr3t@db.example.com" (0.9) that overlaps it.
        String text = "https://admin:s3cr3t@db.example.com";
        assertThat(engine.scan(text)).extracting(Entity::type).containsExactly(EntityType.URL_CREDENTIALS);
        var a = new Entity(EntityType.PHONE, 0, 10, 0.6);
        var longer = new Entity(EntityType.PAYMENT_CARD, 0, 16, 0.6);
        var better = new Entity(EntityType.US_SSN, 5, 9, 0.9);
        var apart = new Entity(EntityType.EMAIL, 20, 30, 0.5);
        assertThat(Overlaps.resolve(List.of(a, longer, apart))).containsExactly(longer, apart);
        assertThat(Overlaps.resolve(List.of(a, longer, better, apart))).containsExactly(better, apart);
    }

    @Test
    void resultsAreSortedAndDisjoint() {
        String text = "Mail john@example.com, card 4111 1111 1111 1111, IBAN DE89370400440532013000, SSN 536-22-8726.";
        List<Entity> found = engine.scan(text);
        assertThat(found).extracting(Entity::type).containsExactly(EntityType.EMAIL, EntityType.PAYMENT_CARD,
                EntityType.IBAN, EntityType.US_SSN);
        for (int i = 1; i < found.size(); i++) assertThat(found.get(i).start()).isGreaterThanOrEqualTo(found.get(i - 1).end());
    }

    @Test
    void typesFilterDropsTheOthers() {
        var emailsOnly = EntityEngine.builder().types(Set.of(EntityType.EMAIL)).build();
        assertThat(emailsOnly.scan("john@example.com card 4111 1111 1111 1111")).extracting(Entity::type)
                .containsExactly(EntityType.EMAIL);
    }

    @Test
    void oversizedInputIsRefusedWithSizeAndLimit() {
        var small = EntityEngine.builder().maxInput(100).build();
        assertThatThrownBy(() -> small.scan("x".repeat(101)))
                .isInstanceOf(InputTooLargeException.class)
                .hasMessageContaining("101").hasMessageContaining("100");
        assertThat(small.scan("x".repeat(100))).isEmpty();
        assertThatThrownBy(() -> engine.scan("x".repeat(EntityEngine.DEFAULT_MAX_INPUT + 1)))
                .isInstanceOf(InputTooLargeException.class);
    }

    @Test
    void maxSpanIsSmallWhileLongValuesAreStillFoundWhole() {
        // A few hundred characters (the longest e-mail or assigned secret with its context), not a PEM block's
        // 16 K: a streaming redactor holds back maxSpan characters, and swallows the tails of longer values.
        assertThat(engine.maxSpan()).isBetween(300, 1024);
        String pem = "-----BEGIN PRIVATE KEY-----\n" + "A".repeat(10_000) + "\n-----END PRIVATE KEY-----";
        assertThat(engine.scan(pem)).singleElement().satisfies(e -> assertThat(e.length()).isEqualTo(pem.length()));
    }

    private double scoreOf(String text, EntityType type, double threshold) {
        return EntityEngine.builder().threshold(threshold).build().scan(text).stream()
                .filter(e -> e.type() == type).mapToDouble(Entity::score).max().orElse(-1);
    }
}
