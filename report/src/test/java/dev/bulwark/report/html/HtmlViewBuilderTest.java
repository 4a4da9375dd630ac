package dev.bulwark.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HtmlViewBuilderTest {
    @Test
    void timesCarryTheirDateOnlyWhenTheRunCrossedMidnight() {
        Instant start = Instant.parse("2025-05-01T23:59:00.123456789Z");
        assertThat(HtmlViewBuilder.time(start, start)).isEqualTo("23:59:00 UTC");
        assertThat(HtmlViewBuilder.time(Instant.parse("2025-05-02T00:00:01Z"), start)).isEqualTo("2 May 2025 00:00:01 UTC");
        assertThat(HtmlViewBuilder.time(null, start)).isEqualTo("unknown");
    }

    @Test
    void threatActorsAreNamedInWords() {
        assertThat(HtmlViewBuilder.actor("nation-state")).isEqualTo("nation-state actors");
        assertThat(HtmlViewBuilder.actor("cybercrime")).isEqualTo("cybercriminals");
        assertThat(HtmlViewBuilder.actor("someone-new")).isEqualTo("someone-new");
    }

    @Test
    void listsInSentencesEndWithAnd() {
        assertThat(HtmlViewBuilder.prose(java.util.List.of())).isEmpty();
        assertThat(HtmlViewBuilder.prose(java.util.List.of("a"))).isEqualTo("a");
        assertThat(HtmlViewBuilder.prose(java.util.List.of("a", "b", "c"))).isEqualTo("a, b and c");
    }
}
