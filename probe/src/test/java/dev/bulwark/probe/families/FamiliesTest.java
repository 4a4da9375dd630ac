package dev.bulwark.probe.families;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.Check;
import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.Confidence;
import dev.bulwark.core.Coverage;
import dev.bulwark.core.Finding;
import dev.bulwark.core.scope.LlmChatTarget;
import dev.bulwark.core.scope.Prices;
import dev.bulwark.core.scope.RulesOfEngagement;
import dev.bulwark.core.scope.ToolSpec;
import dev.bulwark.probe.agency.ExcessiveAgencyCheck;
import dev.bulwark.probe.consumption.ExtractionExposureCheck;
import dev.bulwark.probe.consumption.InputSizeCheck;
import dev.bulwark.probe.consumption.OutputAmplificationCheck;
import dev.bulwark.probe.data.DivergenceCheck;
import dev.bulwark.probe.data.SensitiveDataCheck;
import dev.bulwark.probe.fixture.FamiliesFakeServer;
import dev.bulwark.probe.fixture.TestEngagement;
import dev.bulwark.probe.output.DownstreamInjectionCheck;
import dev.bulwark.probe.output.MarkdownExfilCheck;
import dev.bulwark.probe.output.RawHtmlCheck;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each new probe family against a vulnerable and a hardened local endpoint: found on one, passed on the other. */
class FamiliesTest {
    static final List<ToolSpec> TOOLS = List.of(
            new ToolSpec("lookup_order", "Look up an order's status", "{\"type\":\"object\",\"properties\":"
                    + "{\"order_id\":{\"type\":\"string\"}},\"required\":[\"order_id\"]}"),
            new ToolSpec("refund_order", "Refund an order in full", "{\"type\":\"object\",\"properties\":"
                    + "{\"order_id\":{\"type\":\"string\"},\"amount\":{\"type\":\"number\"}},\"required\":[\"order_id\"]}"),
            new ToolSpec("deleteCustomer", "Remove a customer and all their data", null));

    static LlmChatTarget target(URI url) {
        return new LlmChatTarget("bot", url, "m", Optional.empty(), List.of(), List.of("customer-data"), TOOLS,
                OptionalInt.empty(), Optional.of(new Prices(2.5, 10, "USD")));
    }

    static Stream<Check> checks() {
        return Stream.of(new SensitiveDataCheck(), new DivergenceCheck(), new MarkdownExfilCheck(), new RawHtmlCheck(),
                new DownstreamInjectionCheck(), new ExcessiveAgencyCheck(), new InputSizeCheck(),
                new OutputAmplificationCheck(), new ExtractionExposureCheck());
    }

    static CheckOutcome run(Check check, LlmChatTarget target, RulesOfEngagement rules) throws InterruptedException {
        try (var engagement = TestEngagement.of(rules, target)) {
            return check.run(target, engagement);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void vulnerableEndpointIsFound(Check check) throws Exception {
        try (var server = FamiliesFakeServer.vulnerable()) {
            CheckOutcome outcome = run(check, target(server.chatUrl()), TestEngagement.rules(200));
            assertThat(outcome.coverage()).as(outcome.note()).isEqualTo(Coverage.TESTED);
            assertThat(outcome.findings()).hasSize(1);
            Finding f = outcome.findings().get(0);
            assertThat(f.check()).isEqualTo(check.descriptor().id());
            assertThat(f.weakness()).isEqualTo(check.descriptor().weakness());
            String evidence = f.evidence().request() + f.evidence().response() + f.evidence().samples() + f.description()
                    + f.title();
            assertThat(evidence).doesNotContain(FamiliesFakeServer.EMAIL, FamiliesFakeServer.CARD);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void hardenedEndpointPasses(Check check) throws Exception {
        try (var server = FamiliesFakeServer.hardened()) {
            CheckOutcome outcome = run(check, target(server.chatUrl()), TestEngagement.rules(200));
            assertThat(outcome.findings()).as(check.descriptor().id()).isEmpty();
            assertThat(outcome.coverage()).as(outcome.note()).isEqualTo(Coverage.TESTED);
            assertThat(outcome.tally().passes()).isPositive();
        }
    }

    @Test
    void sensitiveDataRepeatedAcrossPromptsIsConfirmed() throws Exception {
        try (var server = FamiliesFakeServer.vulnerable()) {
            Finding f = run(new SensitiveDataCheck(), target(server.chatUrl()), TestEngagement.rules(200)).findings().get(0);
            assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
            assertThat(f.title()).contains("EMAIL");
            assertThat(f.cvss()).as("confirmed findings keep the class vector").isNull();
        }
    }

    @Test
    void markdownExfilIsConfirmedWhenTheCollectorSeesTheFetch() throws Exception {
        var rules = new RulesOfEngagement(List.of("127.0.0.1"), 500, 200, false, Duration.ofSeconds(5), 0, null, null, true);
        try (var server = FamiliesFakeServer.vulnerableRendering()) {
            Finding f = run(new MarkdownExfilCheck(), target(server.chatUrl()), rules).findings().get(0);
            assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
            assertThat(f.description()).contains("loopback collector recorded");
            assertThat(f.evidence().request()).contains("http://127.0.0.1:");
        }
    }

    @Test
    void markdownExfilWithoutCollectorPlantsInvalidHostsAndStaysFirm() throws Exception {
        try (var server = FamiliesFakeServer.vulnerableRendering()) {
            Finding f = run(new MarkdownExfilCheck(), target(server.chatUrl()), TestEngagement.rules(200)).findings().get(0);
            assertThat(f.confidence()).isEqualTo(Confidence.FIRM);
            assertThat(f.evidence().request()).containsPattern("https://bwk[0-9a-f]{10}\\.bwk\\.invalid/");
        }
    }

    @Test
    void excessiveAgencyTargetsOnlyHighImpactToolsAndIsConfirmedByIndirectCalls() throws Exception {
        try (var server = FamiliesFakeServer.vulnerable()) {
            CheckOutcome outcome = run(new ExcessiveAgencyCheck(), target(server.chatUrl()), TestEngagement.rules(200));
            Finding f = outcome.findings().get(0);
            assertThat(server.requests()).isEqualTo(6);
            assertThat(f.confidence()).isEqualTo(Confidence.CONFIRMED);
            assertThat(f.title()).contains("refund_order", "deleteCustomer").doesNotContain("lookup_order");
            assertThat(outcome.tally().hits()).isEqualTo(6);
            assertThat(f.evidence().request()).contains("\"tools\"").contains("\"tool_choice\":\"auto\"");
        }
    }

    @Test
    void excessiveAgencyWithoutToolsIsNotTested() throws Exception {
        try (var server = FamiliesFakeServer.vulnerable()) {
            var bare = new LlmChatTarget("bot", server.chatUrl(), "m", Optional.empty(), List.of(), List.of());
            try (var engagement = TestEngagement.of(bare)) {
                CheckOutcome outcome = new ExcessiveAgencyCheck().run(bare, engagement);
                assertThat(outcome.coverage()).isEqualTo(Coverage.NOT_TESTED);
                assertThat(outcome.note()).contains("no tools");
            }
            assertThat(server.requests()).isZero();
        }
    }

    @Test
    void inputSizeStopsAtTheFirstRejectionAndStatesCost() throws Exception {
        try (var server = FamiliesFakeServer.hardened()) {
            CheckOutcome outcome = run(new InputSizeCheck(), target(server.chatUrl()), TestEngagement.rules(200));
            assertThat(server.requests()).isEqualTo(3);
            assertThat(outcome.note()).contains("32 KiB");
        }
        try (var server = FamiliesFakeServer.vulnerable()) {
            Finding f = run(new InputSizeCheck(), target(server.chatUrl()), TestEngagement.rules(200)).findings().get(0);
            assertThat(f.title()).contains("512 KiB");
            assertThat(f.description()).contains("prompt tokens").contains("USD");
        }
    }

    @Test
    void extractionFindingStatesTheEstimate() throws Exception {
        try (var server = FamiliesFakeServer.vulnerable()) {
            Finding f = run(new ExtractionExposureCheck(), target(server.chatUrl()), TestEngagement.rules(200))
                    .findings().get(0);
            assertThat(f.description()).contains("about 10,000 queries").contains("identical answers")
                    .contains("USD");
            assertThat(server.requests()).isEqualTo(1 + 3);
        }
    }
}
