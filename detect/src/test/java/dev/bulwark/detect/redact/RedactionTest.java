package dev.bulwark.detect.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.detect.Entity;
import dev.bulwark.detect.EntityScanner;
import dev.bulwark.detect.EntityType;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactionTest {
    private static final EntityScanner SCANNER = EntityScanner.standard();

    @Test
    void onlyEntitySpansChange() {
        String text = "héllo\r\n mail jane@example.com now\t✓ 😀\n";
        int at = text.indexOf("jane");
        var entities = List.of(new Entity(EntityType.EMAIL, at, at + "jane@example.com".length(), 0.9));
        assertThat(Redaction.apply(text, entities, RedactionOperator.replace()))
                .isEqualTo("héllo\r\n mail <EMAIL> now\t✓ 😀\n");
    }

    @Test
    void entitiesInAnyOrderAndOverlapsAreHandled() {
        String text = "0123456789";
        var entities = List.of(new Entity(EntityType.PHONE, 6, 9, 1), new Entity(EntityType.EMAIL, 1, 4, 1),
                new Entity(EntityType.IBAN, 2, 5, 1));
        assertThat(Redaction.apply(text, entities, RedactionOperator.replace())).isEqualTo("0<EMAIL>45<PHONE>9");
    }

    @Test
    void anEntityOutsideTheTextIsAnError() {
        assertThatThrownBy(() -> Redaction.apply("abc", List.of(new Entity(EntityType.EMAIL, 1, 9, 1)),
                RedactionOperator.replace())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStandardScannerRedactsPlantedValuesAndKeepsTheRest() {
        String text = "Hi team,\r\nreach me at jane.doe@example.com or pay with 4111 1111 1111 1111.\r\n"
                + "the id is AKIAIOSFODNN7EXAMPLE — merci, Zoë\r\n";
        assertThat(Redaction.redact(text, SCANNER, RedactionOperator.replace())).isEqualTo(
                "Hi team,\r\nreach me at <EMAIL> or pay with <PAYMENT_CARD>.\r\n"
                        + "the id is <AWS_ACCESS_KEY> — merci, Zoë\r\n");
    }

    /** Numbers that fail their checksum, versions, amounts, order ids and meeting times are not personal data. */
    @ParameterizedTest
    @ValueSource(strings = {
            "card 4111 1111 1111 1112 fails Luhn",
            "upgrade to version 2.14.3.1 tonight",
            "the invoice total is $12,345.67 (EUR 11 402,10)",
            "order #100234567 shipped",
            "meeting on 2024-03-15 at 14:30 in room 4",
            "IBAN DE89 3704 0044 0532 0130 01 has a wrong check",
            "release 7.0.0-rc.2 ships on 15/03/2024"})
    void lookAlikesSurvive(String text) {
        assertThat(Redaction.redact(text, SCANNER, RedactionOperator.replace())).isEqualTo(text);
    }

    @Test
    void filteredScannerReportsOnlyTheChosenTypes() {
        String text = "jane@example.com 4111 1111 1111 1111";
        var onlyCards = new FilteredScanner(SCANNER, EnumSet.of(EntityType.PAYMENT_CARD));
        assertThat(Redaction.redact(text, onlyCards, RedactionOperator.replace()))
                .isEqualTo("jane@example.com <PAYMENT_CARD>");
        assertThat(onlyCards.maxSpan()).isEqualTo(SCANNER.maxSpan());
        assertThatThrownBy(() -> new FilteredScanner(SCANNER, EnumSet.noneOf(EntityType.class)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
