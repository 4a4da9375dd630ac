package dev.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.bulwark.core.Check;
import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.Coverage;
import dev.bulwark.core.scope.PromptTarget;
import dev.bulwark.probe.api.CleartextCheck;
import dev.bulwark.probe.api.CorsCheck;
import dev.bulwark.probe.api.MissingAuthCheck;
import dev.bulwark.probe.api.RateLimitCheck;
import dev.bulwark.probe.api.VerboseErrorsCheck;
import dev.bulwark.probe.fixture.FakeLlmServer;
import dev.bulwark.probe.fixture.TestEngagement;
import dev.bulwark.probe.llm.PromptInjectionCheck;
import dev.bulwark.probe.llm.SystemPromptLeakCheck;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A target that cannot be judged is "not tested", never a pass; stops and budgets are obeyed. */
class FailingTargetTest {

    static Stream<Check> networkChecks() {
        return Stream.of(new PromptInjectionCheck(), new SystemPromptLeakCheck(), new MissingAuthCheck(),
                new CorsCheck(), new VerboseErrorsCheck(), new RateLimitCheck());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networkChecks")
    void unreachableTargetIsNotTested(Check check) throws Exception {
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        var target = TestEngagement.chat(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"), true, List.of());
        try (var engagement = TestEngagement.of(target)) {
            CheckOutcome outcome = check.run(target, engagement);
            assertThat(outcome.coverage()).isEqualTo(Coverage.NOT_TESTED);
            assertThat(outcome.findings()).isEmpty();
            assertThat(outcome.tally().passes()).isZero();
            assertThat(outcome.note()).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networkChecks")
    void serverThatAlwaysFailsIsNeverAPassForPromptChecks(Check check) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            byte[] body = "{\"error\": \"internal\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(500, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try (var engagement = TestEngagement.of(target(server))) {
            CheckOutcome outcome = check.run(target(server), engagement);
            if (check instanceof VerboseErrorsCheck) {
                // a generic 500 to a broken body is exactly the safe behaviour this check looks for
                assertThat(outcome.coverage()).isEqualTo(Coverage.TESTED);
                assertThat(outcome.findings()).isEmpty();
            } else {
                assertThat(outcome.coverage()).as(check.descriptor().id()).isEqualTo(Coverage.NOT_TESTED);
                assertThat(outcome.tally().passes()).isZero();
            }
        } finally {
            server.stop(0);
        }
    }

    private static PromptTarget target(HttpServer server) {
        return TestEngagement.chat(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/x"), false, List.of());
    }

    @Test
    void cleartextIsDecidedEvenWhenTheTargetIsDown() throws Exception {
        var target = TestEngagement.chat(URI.create("http://127.0.0.1:1/v1/chat/completions"), false, List.of());
        try (var engagement = TestEngagement.of(target)) {
            CheckOutcome outcome = new CleartextCheck().run(target, engagement);
            assertThat(outcome.coverage()).isEqualTo(Coverage.TESTED);
            assertThat(outcome.tally().decided()).isEqualTo(1);
            assertThat(engagement.http().requestsSent()).isZero();
        }
    }

    @Test
    void stopRequestSendsNothing() throws Exception {
        try (var server = FakeLlmServer.vulnerable()) {
            var target = TestEngagement.chat(server.chatUrl(), false, List.of());
            try (var engagement = TestEngagement.of(target)) {
                engagement.requestStop();
                CheckOutcome outcome = new PromptInjectionCheck().run(target, engagement);
                assertThat(outcome.coverage()).isEqualTo(Coverage.NOT_TESTED);
                assertThat(server.requests()).isZero();
            }
        }
    }

    @Test
    void spentBudgetStopsTheRunAndTheFindingSaysSo() throws Exception {
        try (var server = FakeLlmServer.vulnerable()) {
            var target = TestEngagement.chat(server.chatUrl(), false, List.of());
            try (var engagement = TestEngagement.of(TestEngagement.rules(3), target)) {
                CheckOutcome outcome = new PromptInjectionCheck().run(target, engagement);
                assertThat(server.requests()).isEqualTo(3);
                assertThat(outcome.tally().attempts()).isLessThanOrEqualTo(4);
                assertThat(outcome.findings()).hasSize(1);
                assertThat(outcome.findings().get(0).description()).contains("stopped after");
            }
        }
    }

    @Test
    void rateLimitBurstStaysInsideTenPercentOfTheBudget() throws Exception {
        try (var server = FakeLlmServer.vulnerable()) {
            var target = TestEngagement.chat(server.chatUrl(), false, List.of());
            try (var engagement = TestEngagement.of(TestEngagement.rules(50), target)) {
                new RateLimitCheck().run(target, engagement);
                assertThat(server.requests()).isEqualTo(5);
            }
            try (var engagement = TestEngagement.of(TestEngagement.rules(20), target)) {
                CheckOutcome outcome = new RateLimitCheck().run(target, engagement);
                assertThat(outcome.coverage()).isEqualTo(Coverage.NOT_TESTED);
                assertThat(server.requests()).isEqualTo(5);
            }
        }
    }
}
