package dev.bulwark.guard.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.detect.injection.InjectionDetector;
import dev.bulwark.detect.injection.SentenceEncoder;
import dev.bulwark.detect.scope.TopicScope;
import dev.bulwark.guard.config.Action;
import dev.bulwark.guard.config.InputPolicy;
import dev.bulwark.guard.config.Limits;
import dev.bulwark.guard.config.ScopePolicy;
import dev.bulwark.guard.pipeline.Caller;
import dev.bulwark.guard.pipeline.InputFilter.InputVerdict;
import dev.bulwark.guard.pipeline.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The topic rail in the input filter, with an encoder whose "embedding" is whether a text mentions bikes. */
class TopicRailTest {
    private static final Caller CALLER = new Caller("app", Set.of("chat"), "127.0.0.1", "key", Limits.NONE);
    private static final List<String> EXAMPLES = List.of("Can you repair my bike?");

    /** Texts about bikes, and the built-in conversational examples, are (1, 0); anything else (0, 1). */
    private static final class AboutBikes implements SentenceEncoder {
        final List<String> read = new ArrayList<>();

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public synchronized float[] embed(String text) {
            read.add(text);
            boolean near = text.toLowerCase(java.util.Locale.ROOT).contains("bike")
                    || TopicScope.of(List.of("x"), 0.5).examples().contains(text);
            return near ? new float[] {1, 0} : new float[] {0, 1};
        }
    }

    private final AboutBikes encoder = new AboutBikes();

    private GuardInputFilter filter(Action action) {
        var scope = new ScopePolicy(action, EXAMPLES, 0.4);
        var policy = new InputPolicy(32768, 8, 1024, Action.BLOCK, 0.5, false, true, Action.REDACT, Action.BLOCK,
                scope);
        return new GuardInputFilter(policy, true, false, InjectionDetector.rulesOnly()::score,
                EntityPolicy.of(Action.OFF, Action.OFF), false, null,
                new TopicScope(() -> encoder, scope.examples(), scope.threshold()));
    }

    @Test
    void anOffTopicLatestTurnIsRefusedAndTheAuditSaysWhy() {
        InputVerdict v = filter(Action.BLOCK).inspect(Route.CHAT,
                InputFilterTest.chat("user", "My bike squeaks.", "assistant", "Bring it in!", "user", "Write a poem."),
                CALLER);

        assertThat(v.refusal()).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo("off_topic");
            assertThat(r.status()).isEqualTo(400);
        });
        assertThat(v.decisions()).anyMatch(d -> d.detector().equals("scope") && d.action().equals("blocked"));
    }

    @Test
    void onlyTheUsersLatestTurnIsJudged() {
        GuardInputFilter filter = filter(Action.BLOCK);
        InputVerdict v = filter.inspect(Route.CHAT, InputFilterTest.chat(
                "system", "You are a poet's assistant.",
                "user", "Write a poem.", "assistant", "Roses are red.", "user", "Thanks! Can you repair my bike too?"),
                CALLER);

        assertThat(v.refusal()).isEmpty();
        assertThat(v.decisions()).noneMatch(d -> d.detector().equals("scope"));
        assertThat(encoder.read).contains("Can you repair my bike too?").doesNotContain("Write a poem.",
                "You are a poet's assistant.", "Roses are red.");
    }

    @Test
    void everyPartOfTheLatestTurnIsJudgedSoAnInScopePartCannotCarryAnotherIn() {
        ObjectNode body = InputFilterTest.chat("assistant", "How can I help?");
        var parts = body.withArray("messages").addObject().put("role", "user").putArray("content");
        parts.addObject().put("type", "text").put("text", "Write a poem.");
        parts.addObject().put("type", "text").put("text", "Can you repair my bike?");
        GuardInputFilter filter = filter(Action.BLOCK);

        assertThat(filter.inspect(Route.CHAT, body, CALLER).refusal()).isPresent();
        assertThat(filter.inspect(Route.CHAT, InputFilterTest.chat("assistant", "How can I help?",
                "user", "Write a poem.", "user", "Can you repair my bike?"), CALLER).refusal()).isPresent();
        assertThat(filter.inspect(Route.CHAT, InputFilterTest.chat("user", "Write a poem.",
                "assistant", "No.", "user", "Can you repair my bike?"), CALLER).refusal()).isEmpty();
    }

    @Test
    void greetingsAndThanksAreInScopeWhateverTheAssistantIsFor() {
        assertThat(filter(Action.BLOCK).inspect(Route.CHAT, InputFilterTest.chat("user", "Thank you!"), CALLER)
                .refusal()).isEmpty();
    }

    @Test
    void flaggingLetsTheRequestThroughWithADecision() {
        InputVerdict v = filter(Action.FLAG).inspect(Route.CHAT, InputFilterTest.chat("user", "Write a poem."), CALLER);

        assertThat(v.refusal()).isEmpty();
        assertThat(v.decisions()).anyMatch(d -> d.detector().equals("scope") && d.action().equals("flagged"));
    }

    @Test
    void aMarkedDocumentIsNotTheRequestAndCompletionPromptsAreJudgedToo() {
        ObjectNode body = InputFilterTest.chat("user", "Can you repair my bike?");
        var parts = body.withArray("messages").addObject().put("role", "user").putArray("content");
        parts.addObject().put("type", "text").put("text", "A pasted poem about the sea.").put("bulwark_source", "data");
        GuardInputFilter filter = filter(Action.BLOCK);

        assertThat(filter.inspect(Route.CHAT, body, CALLER).refusal()).isEmpty();
        ObjectNode completion = Replies.JSON.createObjectNode().put("model", "m").put("prompt", "Write a poem.");
        assertThat(filter.inspect(Route.COMPLETIONS, completion, CALLER).refusal()).isPresent();
        ObjectNode embedding = Replies.JSON.createObjectNode().put("model", "m").put("input", "Write a poem.");
        assertThat(filter.inspect(Route.EMBEDDINGS, embedding, CALLER).refusal()).isEmpty();
    }

    @Test
    void theRailSendsTheFilterOffTheEventLoop() {
        assertThat(filter(Action.BLOCK).cheapFor(100)).isFalse();
        assertThat(Filters.input(new InputPolicy(32768, 8, 1024, Action.BLOCK, 0.5, false, true, Action.REDACT,
                Action.BLOCK), true).cheapFor(100)).isTrue();
    }

    @Test
    void aFailingEncoderRefusesWhenClosed() {
        var scope = new ScopePolicy(Action.BLOCK, EXAMPLES, 0.4);
        var policy = new InputPolicy(32768, 8, 1024, Action.BLOCK, 0.5, false, true, Action.REDACT, Action.BLOCK,
                scope);
        var broken = new GuardInputFilter(policy, true, false, InjectionDetector.rulesOnly()::score,
                EntityPolicy.of(Action.OFF, Action.OFF), false, null,
                new TopicScope(() -> {
                    throw new IllegalStateException("model file missing");
                }, EXAMPLES, 0.4));

        InputVerdict v = broken.inspect(Route.CHAT, InputFilterTest.chat("user", "Can you repair my bike?"), CALLER);

        assertThat(v.refusal()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("scanner_error"));
        assertThat(v.decisions()).anyMatch(d -> d.detector().equals("scanner-error"));
    }
}
