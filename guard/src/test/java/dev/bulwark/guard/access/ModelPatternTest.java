package dev.bulwark.guard.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelPatternTest {
    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            *             | anything    | true
            *             | ''          | true
            gpt-4o        | gpt-4o      | true
            gpt-4o        | gpt-4o-mini | false
            gpt-4o*       | gpt-4o-mini | true
            *-mini        | gpt-4o-mini | true
            *-mini        | gpt-4o      | false
            a*b*c         | aXXbYYc     | true
            a*b*c         | aXXcYYb     | false
            **            | x           | true
            llama3:*b     | llama3:70b  | true
            llama3:*b     | llama3:70bx | false
            ''            | ''          | true
            ''            | x           | false
            """)
    void wildcards_match_any_run(String pattern, String model, boolean matches) {
        assertThat(new ModelPattern(pattern).matches(model)).isEqualTo(matches);
    }

    @Test
    void a_hostile_name_against_many_stars_neither_hangs_nor_matches_and_long_names_never_match() {
        String pattern = "*a*a*a*a*a*a*a*a*a*a*b";
        assertThat(new ModelPattern(pattern).matches("a".repeat(ModelPattern.MAX_MODEL_LENGTH))).isFalse();
        assertThat(new ModelPattern("*").matches("a".repeat(ModelPattern.MAX_MODEL_LENGTH + 1))).isFalse();
    }
}
