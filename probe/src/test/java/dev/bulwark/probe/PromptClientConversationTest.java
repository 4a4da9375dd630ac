package dev.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.probe.fixture.ScriptedLlm;
import dev.bulwark.probe.fixture.TestEngagement;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptClientConversationTest {
    private static final List<Message> CHAT = List.of(Message.system("be nice"), Message.user("hi"),
            Message.assistant("hello!"), Message.user("what did I say first?"));

    @Test
    void chatClientSendsTheWholeHistoryInOrder() throws Exception {
        try (var llm = ScriptedLlm.answering(c -> "turns=" + c.size())) {
            var target = TestEngagement.chat(llm.chatUrl(), false, List.of());
            try (var e = TestEngagement.of(target)) {
                PromptClient client = PromptClient.forTarget(target, e.http());
                assertThat(client.keepsHistory()).isTrue();
                PromptReply reply = client.ask(CHAT);
                assertThat(reply).isInstanceOf(PromptReply.Answer.class);
                assertThat(((PromptReply.Answer) reply).text()).isEqualTo("turns=4");
                assertThat(llm.received()).containsExactly(CHAT);
                assertThat(((PromptReply.Answer) client.ask("one")).text()).isEqualTo("turns=1");
            }
        }
    }

    @Test
    void formClientSendsOnlyTheLastUserTurn() throws Exception {
        try (var llm = ScriptedLlm.answering(c -> c.get(0).content().toUpperCase())) {
            var target = TestEngagement.form(llm.formUrl(), "$.answer", false);
            try (var e = TestEngagement.of(target)) {
                PromptClient client = PromptClient.forTarget(target, e.http());
                assertThat(client.keepsHistory()).isFalse();
                assertThat(((PromptReply.Answer) client.ask(CHAT)).text()).isEqualTo("WHAT DID I SAY FIRST?");
                assertThat(llm.received()).containsExactly(List.of(Message.user("what did I say first?")));
            }
        }
    }

    @Test
    void aConversationNeedsAUserTurnAndKnownRoles() {
        assertThatThrownBy(() -> Message.lastUserTurn(List.of(Message.assistant("x"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Message("tool", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Message.lastUserTurn(CHAT)).isEqualTo("what did I say first?");
    }
}
