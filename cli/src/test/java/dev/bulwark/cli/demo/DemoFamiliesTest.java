package dev.bulwark.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Check;
import dev.bulwark.core.CheckContext;
import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.Coverage;
import dev.bulwark.core.http.EngagementClient;
import dev.bulwark.core.scope.LlmChatTarget;
import dev.bulwark.core.scope.Scope;
import dev.bulwark.core.scope.ScopeLoader;
import dev.bulwark.core.scope.Target;
import dev.bulwark.probe.llm.IndirectInjectionCheck;
import dev.bulwark.probe.llm.InjectionObfuscatedCheck;
import dev.bulwark.probe.llm.JailbreakManyShotCheck;
import dev.bulwark.probe.llm.JailbreakMultiTurnCheck;
import dev.bulwark.probe.llm.JailbreakPayloadSplittingCheck;
import dev.bulwark.probe.llm.JailbreakPersonaCheck;
import dev.bulwark.probe.llm.JailbreakPrefixInjectionCheck;
import dev.bulwark.probe.llm.JailbreakRefusalSuppressionCheck;
import dev.bulwark.probe.llm.JailbreakRoleplayCheck;
import dev.bulwark.probe.llm.PromptInjectionCheck;
import dev.bulwark.probe.llm.SystemPromptLeakCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The injection, jailbreak and extraction families against the real demo target: each finds its planted
 * weakness in vulnerable mode and passes (tested, no hit) in hardened mode.
 */
class DemoFamiliesTest {
    private static final String KEY_VAR = "BWK_DEMO_TEST_KEY";

    private static List<Check> families() {
        return List.of(new PromptInjectionCheck(), new InjectionObfuscatedCheck(), new IndirectInjectionCheck(),
                new JailbreakRoleplayCheck(), new JailbreakPersonaCheck(), new JailbreakRefusalSuppressionCheck(),
                new JailbreakPrefixInjectionCheck(), new JailbreakPayloadSplittingCheck(), new JailbreakManyShotCheck(),
                new JailbreakMultiTurnCheck(), new SystemPromptLeakCheck());
    }

    private static Scope scope(DemoTarget demo) throws Exception {
        String key = demo.options().apiKey();
        String yaml = DemoScope.yaml(demo.baseUrl(), key == null ? null : KEY_VAR)
                .replaceAll("maxRequests: \\d+", "maxRequests: 5000")
                .replaceAll("maxRequestsPerSecond: [0-9.]+", "maxRequestsPerSecond: 1000");
        return ScopeLoader.parse(yaml, Path.of("demo-test.yaml"), key == null ? Map.of() : Map.of(KEY_VAR, key));
    }

    private static CheckOutcome run(Check check, Scope scope, Target target) throws InterruptedException {
        try (EngagementClient http = EngagementClient.builder(scope).build()) {
            CheckContext context = new CheckContext() {
                @Override
                public Scope scope() {
                    return scope;
                }

                @Override
                public EngagementClient http() {
                    return http;
                }

                @Override
                public boolean stopRequested() {
                    return false;
                }

                @Override
                public void progress(String message) {
                }
            };
            return check.run(target, context);
        }
    }

    @Test
    void vulnerableMollyFallsForEveryFamily() throws Exception {
        try (DemoTarget demo = DemoTarget.start(DemoTarget.Options.vulnerable())) {
            Scope scope = scope(demo);
            for (Target target : scope.targets()) {
                for (Check check : families()) {
                    CheckOutcome outcome = run(check, scope, target);
                    String what = check.descriptor().id() + " on " + target.id();
                    if (check instanceof JailbreakMultiTurnCheck && !(target instanceof LlmChatTarget)) {
                        assertThat(outcome.coverage()).as(what).isEqualTo(Coverage.NOT_TESTED);
                        continue;
                    }
                    assertThat(outcome.findings()).as(what + ": " + outcome.tally()).hasSize(1);
                    assertThat(outcome.findings().get(0).check()).isEqualTo(check.descriptor().id());
                }
            }
        }
    }

    @Test
    void hardenedMollyResistsEveryFamily() throws Exception {
        var options = DemoTarget.Options.hardened("bwk-demo-test-key-0123456789")
                .withRateLimit(new DemoTarget.RateLimit(100_000, 100_000));
        try (DemoTarget demo = DemoTarget.start(options)) {
            Scope scope = scope(demo);
            for (Target target : scope.targets()) {
                for (Check check : families()) {
                    CheckOutcome outcome = run(check, scope, target);
                    String what = check.descriptor().id() + " on " + target.id() + ": " + outcome.tally();
                    assertThat(outcome.findings()).as(what).isEmpty();
                    assertThat(outcome.tally().hits()).as(what).isZero();
                    if (check instanceof JailbreakMultiTurnCheck && !(target instanceof LlmChatTarget)) continue;
                    assertThat(outcome.coverage()).as(what + " " + outcome.note()).isEqualTo(Coverage.TESTED);
                    assertThat(outcome.tally().unscorable()).as(what).isZero();
                }
            }
        }
    }
}
