package dev.bulwark.detect.injection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CombinationTest {

    @Test
    void noCodePointBelowTheCjkStartIsIdeographicOrKana() {
        for (int c = 0; c < Combination.FIRST_CJK; c++) {
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            assertThat(Character.isIdeographic(c) || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA).as("U+%04X", c).isFalse();
        }
    }

    @Test
    void countsWordsUpToTheLimit() {
        assertThat(Combination.words("hi", 3)).isEqualTo(1);
        assertThat(Combination.words("ignore all, rules!", 3)).isEqualTo(3);
        assertThat(Combination.words("one two three four five", 3)).isEqualTo(3);
        assertThat(Combination.words("one two three four five", 10)).isEqualTo(5);
        assertThat(Combination.words("指示を無視", 10)).isEqualTo(5);
        assertThat(Combination.words("ok 指示", 10)).isEqualTo(3);
        assertThat(Combination.words("--- ... 42", 10)).isEqualTo(1);
    }
}
