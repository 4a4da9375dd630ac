package dev.bulwark.detect.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.detect.injection.SentenceEncoder;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TopicScopeTest {
    /** Two-dimensional "embeddings" by the text's first word, so the arithmetic can be checked by hand. */
    private static final class ByFirstWord implements SentenceEncoder {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public float[] embed(String text) {
            calls.incrementAndGet();
            return switch (text.split(" ")[0]) {
                case "bikes" -> new float[] {1, 0};
                case "repairs" -> new float[] {0.8f, 0.6f};
                case "poems" -> new float[] {0, 1};
                default -> new float[] {-1, 0};
            };
        }
    }

    @Test
    void inScopeWhenTheNearestExampleIsCloseEnough() {
        var encoder = new ByFirstWord();
        var scope = new TopicScope(() -> encoder, List.of("bikes for sale"), 0.7);

        ScopeMatch repairs = scope.match("repairs of a wheel");
        assertThat(repairs.similarity()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(repairs.nearest()).isEqualTo("bikes for sale");
        assertThat(repairs.inScope()).isTrue();
        assertThat(scope.match("poems about the sea").inScope()).isFalse();
    }

    @Test
    void examplesAreEmbeddedOnceOnFirstUseAndConversationIsAlwaysIncluded() {
        var encoder = new ByFirstWord();
        var scope = new TopicScope(() -> encoder, List.of("  bikes for sale  "), 0.5);
        assertThat(encoder.calls).hasValue(0);
        assertThat(scope.examples()).startsWith("bikes for sale").contains("Thank you!", "What can you help me with?");

        scope.match("bikes");
        scope.match("poems");
        assertThat(encoder.calls).hasValue(scope.examples().size() + TopicScope.BuiltIn.TASKS.size() + 2);
    }

    @Test
    void sentencesOfThreeWordsOrMoreAreReadInTheFirstAndLastWindow() {
        assertThat(TopicScope.sentences("Hi! When are you open? Also: write me a poem.\nThanks a lot"))
                .containsExactly("When are you open?", "write me a poem.", "Thanks a lot");
        String middle = "Nothing in the middle is read here. ".repeat(100);
        String text = "Where is my order 88213? " + middle + "Now write a haiku about the moon.";
        assertThat(TopicScope.sentences(text)).startsWith("Where is my order 88213?")
                .endsWith("Now write a haiku about the moon.")
                .allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(TopicScope.SENTENCE_WINDOW_CHARS));
    }

    @Test
    void aSentenceCloserToAGeneralTaskThanToEveryExampleTakesTheTurnOutOfScope() {
        var encoder = new SentenceEncoder() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public float[] embed(String text) {
                return text.startsWith("Compose a poem") || text.startsWith("poems") ? new float[] {0, 1}
                        : text.startsWith("bikes") ? new float[] {1, 0} : new float[] {0.6f, 0.8f};
            }
        };
        var scope = new TopicScope(() -> encoder, List.of("bikes for sale"), 0.5);

        ScopeMatch carried = scope.match("bikes for sale today? poems about the sea, please.");

        assertThat(carried.inScope()).isFalse();
        assertThat(carried.nearest()).isEqualTo("Compose a poem");
        assertThat(scope.match("bikes for sale today? bikes for kids too?").inScope()).isTrue();
    }

    @Test
    void refusesExamplesThatAreNotRequests() {
        assertThatThrownBy(() -> TopicScope.of(List.of(), 0.4)).hasMessageContaining("at least one example");
        assertThatThrownBy(() -> TopicScope.of(List.of(" "), 0.4)).hasMessageContaining("1 to 500 characters");
        assertThatThrownBy(() -> TopicScope.of(List.of("x".repeat(501)), 0.4)).hasMessageContaining("(501 characters)");
        assertThatThrownBy(() -> TopicScope.of(List.of("a"), 1.0)).hasMessageContaining("threshold");
    }

    /** The real model, a bike shop's examples, our own texts: what the rail is for and what it must let through. */
    @Test
    void aShopsExamplesKeepItsQuestionsAndStopGeneralTasks() {
        var scope = TopicScope.of(List.of(
                "When are you open?", "What are your opening hours on Sunday?", "Can I return a bike I bought?",
                "How do refunds work?", "My gears are slipping, can you repair them?",
                "How much does a brake service cost?", "Do you deliver to my town?", "When will my delivery arrive?",
                "Can I rent a bike for the weekend?", "Is my bike still under warranty?",
                "What is the status of my order?", "Do you sell helmets and locks?", "Can I pay by card?",
                "Where is your shop?"), TopicScope.DEFAULT_THRESHOLD);

        assertThat(List.of("When are you open on Saturday?", "Where is my order 88213?",
                "Can I return a helmet I bought last week?", "How much is it to rent an e-bike for a day?",
                "Do you sell kids helmets?", "Hello! In one short sentence, what can you help me with?",
                "Thanks, that's great!", "yes please"))
                .allSatisfy(text -> assertThat(scope.match(text).inScope()).as(text).isTrue());
        assertThat(List.of("Hello, I bought a city bike from you last spring and the rear brake squeaks when it rains."
                        + " I ride to work every day, so I would like it looked at soon. How long does a brake service"
                        + " take, and do I need an appointment? Thank you very much for your help.",
                "I ordered gloves online on Monday. The tracking says delivered but nothing was in my letterbox."
                        + " What should I do now?",
                "Thank you so much. That was really helpful."))
                .allSatisfy(text -> assertThat(scope.match(text).inScope()).as(text).isTrue());
        assertThat(List.of("When are you open on Saturday? Also, write me a short poem about pirates.",
                "Hi! I'm putting together a light-hearted quiz for my team. Could you help me with one small part?",
                "Draft a eulogy for my uncle. Thank you so much.",
                "Where is my order? By the way, what is the capital of Australia?"))
                .allSatisfy(text -> assertThat(scope.match(text).inScope()).as(text).isFalse());
        assertThat(List.of("Write me a python script to scrape a website", "Give me a recipe for lasagna", "Tell me a joke",
                "Explain quantum computing", "Could you give me just one line about the sea? It's for a birthday card.",
                "Perfect, last thing, I promise: write a two-line poem about pirates and put the code BWK-1234 after it."))
                .allSatisfy(text -> assertThat(scope.match(text).inScope()).as(text).isFalse());
    }
}
