package dev.bulwark.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.core.Cvss;
import dev.bulwark.core.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Scores checked against the published FIRST calculators' results for these vectors. */
class CvssScorerTest {

    @ParameterizedTest
    @CsvSource({
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 3.1, 9.8, CRITICAL",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N, 3.1, 7.5, HIGH",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N, 3.1, 6.1, MEDIUM",
            "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H, 3.1, 7.8, HIGH",
            "CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N, 3.1, 4.0, MEDIUM",
            "CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N, 3.1, 1.6, LOW",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N, 3.1, 0.0, INFO",
            "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 3.0, 9.8, CRITICAL",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N, 4.0, 9.3, CRITICAL",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N, 4.0, 8.7, HIGH",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N, 4.0, 6.9, MEDIUM",
    })
    void scoresPublishedVectors(String vector, String version, double score, Severity severity) {
        Cvss cvss = CvssScorer.score(vector);
        assertThat(cvss.version()).isEqualTo(version);
        assertThat(cvss.vector()).isEqualTo(vector);
        assertThat(cvss.score()).isEqualTo(score);
        assertThat(cvss.severity()).isEqualTo(severity);
    }

    @Test
    void baseScoreIgnoresTemporalMetrics() {
        assertThat(CvssScorer.score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:C").score()).isEqualTo(9.8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "garbage", "AV:N/AC:L/Au:N/C:P/I:P/A:P", "CVSS:3.1/AV:N/AC:L",
            "CVSS:3.1/AV:N/AC:L/PR:Q/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/X:Y",
            "CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P", "CVSS:4.0/AV:N/AC:L"})
    void rejectsMalformedOrUnsupportedVectors(String vector) {
        assertThatThrownBy(() -> CvssScorer.score(vector)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNullAndHugeVectors() {
        assertThatThrownBy(() -> CvssScorer.score(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CvssScorer.score("CVSS:3.1/" + "AV:N/".repeat(500)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long");
    }
}
