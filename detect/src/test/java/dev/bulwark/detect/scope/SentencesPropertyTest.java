package dev.bulwark.detect.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Whatever a user sends, the sentences the topic rail reads are bounded pieces of it. */
class SentencesPropertyTest {
    @Property(tries = 500)
    void sentencesArePiecesOfTheTextWithinTheWindows(@ForAll @StringLength(max = 5_000) String text) {
        var sentences = TopicScope.sentences(text);

        assertThat(sentences).doesNotHaveDuplicates().allSatisfy(s -> {
            assertThat(text).contains(s);
            assertThat(s).isEqualTo(s.strip());
            assertThat(s.split("\\s+")).hasSizeGreaterThanOrEqualTo(3);
            assertThat(s.length()).isLessThanOrEqualTo(2 * TopicScope.SENTENCE_WINDOW_CHARS);
        });
    }

    @Property(tries = 200)
    void wordsSeparatedBySentenceEndsComeBackAsSentences(@ForAll("words") List<String> words) {
        String sentence = String.join(" ", words) + ".";
        String text = sentence + " " + sentence.toUpperCase(Locale.ROOT);

        assertThat(TopicScope.sentences(text)).containsExactly(sentence, sentence.toUpperCase(Locale.ROOT));
    }

    @Provide
    Arbitrary<List<String>> words() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
                .list().ofMinSize(3).ofMaxSize(12);
    }
}
