package dev.bulwark.core.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code judge:}: the optional LLM judge endpoint, validated like a target's URL and auth. */
class ScopeJudgeTest {
    private static final String HEAD = """
            engagement: {name: x}
            rules:
              allowedHosts: [127.0.0.1]
            targets:
              - {id: bot, kind: llm-chat, url: "http://127.0.0.1:8080/v1/chat/completions", model: m}
            """;

    private static Scope parse(String yaml) throws ScopeException {
        return ScopeLoader.parse(yaml, Path.of("bulwark.yaml"), Map.of("JUDGE_KEY", "sk-judge-1234567890"));
    }

    private static String problems(String yaml) {
        try {
            parse(yaml);
        } catch (ScopeException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a problem for:\n" + yaml);
    }

    @Test
    void readsTheJudgeWithItsDefaults() throws Exception {
        Scope scope = parse(HEAD + """
                judge:
                  url: "http://127.0.0.1:11434/v1/chat/completions"
                  model: "llama3.1:8b"
                  auth: {header: Authorization, value: "Bearer ${JUDGE_KEY}"}
                """);
        JudgeEndpoint judge = scope.judge().orElseThrow();
        assertThat(judge.url().getPort()).isEqualTo(11434);
        assertThat(judge.model()).isEqualTo("llama3.1:8b");
        assertThat(judge.auth().orElseThrow().value()).isEqualTo("Bearer sk-judge-1234567890");
        assertThat(judge.maxCallsPerCheck()).isEqualTo(JudgeEndpoint.DEFAULT_MAX_CALLS_PER_CHECK);
        assertThat(judge.toString()).doesNotContain("sk-judge-1234567890");
        assertThat(parse(HEAD).judge()).isEmpty();
        assertThat(parse(HEAD).withRules(parse(HEAD).rules()).judge()).isEmpty();
        assertThat(scope.withRules(scope.rules()).judge()).contains(judge);
    }

    @Test
    void aJudgeOutsideTheAllowListOrMalformedIsAFileLineFieldError() {
        assertThat(problems(HEAD + """
                judge:
                  url: "http://judge.example.net/v1/chat/completions"
                  model: m
                """)).contains("bulwark.yaml:7: judge.url: host 'judge.example.net' is not in rules.allowedHosts");
        assertThat(problems(HEAD + """
                judge:
                  url: "http://127.0.0.1:11434/v1/chat/completions"
                  temperature: 1
                """)).contains("bulwark.yaml:6: judge").contains("model").contains("temperature");
        assertThat(problems(HEAD + """
                judge: {url: "http://127.0.0.1/v1", model: m, maxCallsPerCheck: 0}
                """)).contains("judge.maxCallsPerCheck");
    }

    @Test
    void thePlanLeavesRoomForTheJudgeOnChecksThatConsultIt() throws Exception {
        Scope scope = parse(HEAD + """
                judge: {url: "http://127.0.0.1:11434/v1/chat/completions", model: m, maxCallsPerCheck: 4}
                """);
        var asks = planned(true);
        var plain = planned(false);
        var plan = dev.bulwark.core.engine.RunPlan.of(scope, java.util.List.of(asks, plain));
        assertThat(plan.perCheck()).containsEntry("x.asks", 7L + 4).containsEntry("x.plain", 7L);
    }

    private static dev.bulwark.core.Check planned(boolean consultsJudge) {
        String id = consultsJudge ? "x.asks" : "x.plain";
        return new dev.bulwark.core.Check() {
            @Override
            public dev.bulwark.core.CheckDescriptor descriptor() {
                return new dev.bulwark.core.CheckDescriptor(id, "t", dev.bulwark.core.WeaknessClass.JAILBREAK,
                        dev.bulwark.core.CheckDescriptor.Tier.CORE, "sends", "d");
            }

            @Override
            public boolean handles(Target target) {
                return true;
            }

            @Override
            public dev.bulwark.core.CheckOutcome run(Target target, dev.bulwark.core.CheckContext context) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int plannedRequests(Target target, RulesOfEngagement rules) {
                return 7;
            }

            @Override
            public boolean consultsJudge() {
                return consultsJudge;
            }
        };
    }
}
