package dev.bulwark.detect.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.detect.Entity;
import dev.bulwark.detect.EntityEngine;
import dev.bulwark.detect.EntityScanner;
import dev.bulwark.detect.EntityType;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowListScannerTest {
    private static final EntityScanner ENGINE = EntityEngine.standard();

    private static List<String> found(EntityScanner scanner, String text) {
        return scanner.scan(text).stream().map(e -> e.type() + ":" + text.substring(e.start(), e.end())).toList();
    }

    @Test
    void allowedPersonalDataIsNotReportedIgnoringCaseAndOtherDataStill() {
        String text = "Dear Mr Smith, I'm Nora. Write to Info@Lindqvist.example or to jane.doe@example.com.";
        EntityScanner scanner = AllowListScanner.of(ENGINE, List.of(" nora ", "info@lindqvist.example"));

        assertThat(found(ENGINE, text)).contains("PERSON:Nora", "EMAIL:Info@Lindqvist.example");
        assertThat(found(scanner, text)).containsExactly("PERSON:Smith", "EMAIL:jane.doe@example.com");
    }

    @Test
    void credentialsAreNeverAllowed() {
        String key = "sk-proj-" + "Ab3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6kL9";
        String text = "the key is " + key;
        List<Entity> plain = ENGINE.scan(text);
        assertThat(plain).anySatisfy(e -> assertThat(e.type().kind()).isEqualTo(EntityType.Kind.SECRET));

        assertThat(AllowListScanner.of(ENGINE, List.of(key)).scan(text)).isEqualTo(plain);
    }

    @Test
    void anEmptyListIsTheScannerItself() {
        assertThat(AllowListScanner.of(ENGINE, List.of())).isSameAs(ENGINE);
    }
}
