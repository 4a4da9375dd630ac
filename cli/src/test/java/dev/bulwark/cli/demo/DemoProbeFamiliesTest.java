package dev.bulwark.cli.demo;

import dev.bulwark.core.Check;
import dev.bulwark.core.CheckContext;
import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.Coverage;
import dev.bulwark.core.Finding;
import dev.bulwark.core.http.EngagementClient;
import dev.bulwark.core.scope.PromptTarget;
import dev.bulwark.core.scope.Scope;
import dev.bulwark.core.scope.ScopeLoader;
import dev.bulwark.probe.agency.ExcessiveAgencyCheck;
import dev.bulwark.probe.consumption.ExtractionExposureCheck;
import dev.bulwark.probe.consumption.InputSizeCheck;
import dev.bulwark.probe.consumption.OutputAmplificationCheck;
import dev.bulwark.probe.data.DivergenceCheck;
import dev.bulwark.probe.data.SensitiveDataCheck;
import dev.bulwark.probe.output.DownstreamInjectionCheck;
import dev.bulwark.probe.output.MarkdownExfilCheck;
import dev.bulwark.probe.output.RawHtmlCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second probe families against the real demo target and its own scope: each planted weakness is found on
 * the vulnerable target with the right check id, and each fix holds on the hardened one (tested, no finding).
 */
class DemoProbeFamiliesTest {
    private static final String KEY = "bwk-test-key-families-0123";
    private static DemoTarget vulnerable;
    private static DemoTarget hardened;

    @BeforeAll
    static void start() {
        vulnerable = DemoTarget.start(DemoTarget.Options.vulnerable());
        hardened = DemoTarget.start(DemoTarget.Options.hardened(KEY)
                .withRateLimit(new DemoTarget.RateLimit(1_000, 1_000)));
    }

    @AfterAll
    static void stop() {
        vulnerable.close();
        hardened.close();
    }

    static Stream<Check> checks() {
        return Stream.of(new SensitiveDataCheck(), new DivergenceCheck(), new MarkdownExfilCheck(), new RawHtmlCheck(),
                new DownstreamInjectionCheck(), new ExcessiveAgencyCheck(), new InputSizeCheck(),
                new OutputAmplificationCheck(), new ExtractionExposureCheck());
    }

    /** Runs {@code check} on the scope's {@code molly-chat} target, through a real engagement client. */
    private static CheckOutcome run(Check check, Scope scope) throws InterruptedException {
        return run(check, scope, "molly-chat");
    }

    private static CheckOutcome run(Check check, Scope scope, String targetId) throws InterruptedException {
        PromptTarget chat = (PromptTarget) scope.target(targetId).orElseThrow();
        try (EngagementClient client = EngagementClient.builder(scope).build()) {
            CheckContext context = new CheckContext() {
                @Override public Scope scope() { return scope; }
                @Override public EngagementClient http() { return client; }
                @Override public boolean stopRequested() { return client.halted().isPresent(); }
                @Override public void progress(String message) { }
            };
            return check.run(chat, context);
        }
    }

    @org.junit.jupiter.api.Test
    void demoScopeGivesTheChatTargetItsToolsAndPrices() throws Exception {
        Scope scope = ScopeLoader.parse(DemoScope.yaml(vulnerable.baseUrl()), Path.of("demo.yaml"), Map.of());
        var chat = (dev.bulwark.core.scope.LlmChatTarget) scope.target("molly-chat").orElseThrow();
        assertThat(chat.tools()).extracting(dev.bulwark.core.scope.ToolSpec::name)
                .containsExactly("lookup_order", "refund_order", "delete_customer");
        assertThat(chat.prices()).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void vulnerableDemoShowsEachPlantedWeakness(Check check) throws Exception {
        Scope scope = ScopeLoader.parse(DemoScope.yaml(vulnerable.baseUrl()), Path.of("demo.yaml"), Map.of());
        CheckOutcome outcome = run(check, scope);
        assertThat(outcome.coverage()).as(outcome.note()).isEqualTo(Coverage.TESTED);
        assertThat(outcome.findings()).as(check.descriptor().id()).hasSize(1);
        Finding f = outcome.findings().get(0);
        assertThat(f.check()).isEqualTo(check.descriptor().id());
        assertThat(f.target()).isEqualTo("molly-chat");
        String shown = f.title() + f.description() + f.evidence().response() + f.evidence().samples();
        for (Customer c : Customer.TABLE) assertThat(shown).doesNotContain(c.email(), c.card());
        assertThat(shown).doesNotContain(SystemPrompt.VENDOR_API_KEY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void hardenedDemoFixesEachOne(Check check) throws Exception {
        Scope scope = ScopeLoader.parse(DemoScope.yaml(hardened.baseUrl(), "DEMO_KEY"), Path.of("demo.yaml"),
                Map.of("DEMO_KEY", KEY));
        CheckOutcome outcome = run(check, scope);
        assertThat(outcome.findings()).as(check.descriptor().id() + ": " + outcome.findings()).isEmpty();
        assertThat(outcome.coverage()).as(outcome.note()).isEqualTo(Coverage.TESTED);
        assertThat(outcome.tally().passes()).isPositive();
        // The website form (an http target) must not produce a finding either; some checks cannot test it.
        CheckOutcome form = run(check, scope, "molly-form");
        assertThat(form.findings()).as(check.descriptor().id() + " on the form: " + form.findings()).isEmpty();
    }
}
