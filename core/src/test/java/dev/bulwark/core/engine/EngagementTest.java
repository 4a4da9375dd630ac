package dev.bulwark.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.Confidence;
import dev.bulwark.core.Coverage;
import dev.bulwark.core.Finding;
import dev.bulwark.core.Severity;
import dev.bulwark.core.Verdict;
import dev.bulwark.core.VerdictTally;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.core.http.EngagementClient;
import dev.bulwark.core.http.EngagementException;
import dev.bulwark.core.http.HttpCall;
import dev.bulwark.core.http.RecordingSleeper;
import dev.bulwark.core.http.Rules;
import dev.bulwark.core.http.TestServer;
import dev.bulwark.core.http.TestServer.Answer;
import dev.bulwark.core.scope.HttpTarget;
import dev.bulwark.core.scope.RulesOfEngagement;
import dev.bulwark.core.scope.Scope;
import dev.bulwark.core.scope.Target;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EngagementTest {

    private static Target target(String id, URI url) {
        return new HttpTarget(id, url, "POST", "{\"q\":\"{{prompt}}\"}", "$.answer", Map.of(), Optional.empty(),
                List.of(), List.of());
    }

    private static Scope scope(RulesOfEngagement rules, Target... targets) {
        return new Scope(null, new Scope.Engagement("test engagement", "owner"), rules, List.of(), List.of(targets),
                List.of(), List.of());
    }

    /** Sends {@code n} GETs to distinct paths of the target; every 2xx is a PASS, every refusal an ERROR. */
    private static FakeCheck sender(String id, int n) {
        return sender(id, n, true);
    }

    /** {@code heedStop} false: a check that keeps trying after the context says stop (the client still refuses). */
    private static FakeCheck sender(String id, int n, boolean heedStop) {
        return new FakeCheck(id, (target, ctx) -> {
            VerdictTally tally = VerdictTally.EMPTY;
            URI base = ((HttpTarget) target).url();
            for (int i = 0; i < n && !(heedStop && ctx.stopRequested()); i++) {
                try {
                    var reply = ctx.http().send(HttpCall.get(base.resolve("/" + id + "/" + i)));
                    tally = tally.add(reply.ok() ? Verdict.PASS : Verdict.ERROR);
                } catch (EngagementException e) {
                    tally = tally.error(e.getMessage());
                }
                ctx.progress(id + " attempt " + i);
            }
            return CheckOutcome.from(tally, List.of());
        });
    }

    private static Finding finding(String check, String target) {
        return Finding.builder(check, WeaknessClass.VERBOSE_ERRORS).title("leaky").severity(Severity.MEDIUM)
                .confidence(Confidence.FIRM).target(target).rootCause("x").build();
    }

    @Test
    void runsEveryCheckOnEveryTargetInTargetThenIdOrderAndCollectsFindings() throws Exception {
        try (TestServer server = TestServer.ok("ok");
             EngagementClient client = new EngagementClient(Rules.loopback())) {
            var zeta = new FakeCheck("fake.zeta", (t, c) -> CheckOutcome.tested(List.of(finding("fake.zeta", t.id())),
                    VerdictTally.EMPTY.add(Verdict.HIT)));
            var alpha = sender("fake.alpha", 2);
            List<String> events = new CopyOnWriteArrayList<>();
            ProgressListener progress = new ProgressListener() {
                @Override
                public void started(int totalUnits) {
                    events.add("started " + totalUnits);
                }

                @Override
                public void advanced(String what) {
                    events.add(what);
                }

                @Override
                public void finished() {
                    events.add("finished");
                }
            };
            var engagement = new Engagement(scope(Rules.loopback(), target("t2", server.uri("/")),
                    target("t1", server.uri("/"))), List.of(zeta, alpha), client, progress);
            RunResult result = engagement.run();

            assertThat(result.checkRuns()).extracting(r -> r.target() + "/" + r.check())
                    .containsExactly("t2/fake.alpha", "t2/fake.zeta", "t1/fake.alpha", "t1/fake.zeta");
            assertThat(result.checkRuns()).allMatch(r -> r.coverage() == Coverage.TESTED);
            assertThat(result.findings()).extracting(Finding::target).containsExactly("t2", "t1");
            assertThat(result.complete()).isTrue();
            assertThat(result.requests()).isEqualTo(4).isEqualTo(server.count());
            assertThat(result.engagement()).isEqualTo("test engagement");
            assertThat(result.finishedAt()).isAfterOrEqualTo(result.startedAt());
            assertThat(result.errors()).isEmpty();
            assertThat(events).containsExactly("started 4", "fake.alpha on t2", "fake.zeta on t2", "fake.alpha on t1",
                    "fake.zeta on t1", "finished");
        }
    }

    @Test
    void anExceptionInOneCheckDoesNotStopTheOthers() throws Exception {
        try (TestServer server = TestServer.ok("ok");
             EngagementClient client = new EngagementClient(Rules.loopback())) {
            var broken = new FakeCheck("fake.broken", (t, c) -> {
                throw new IllegalStateException("parser blew up");
            });
            var nullish = new FakeCheck("fake.empty", (t, c) -> null);
            var fine = sender("fake.fine", 1);
            RunResult result = new Engagement(scope(Rules.loopback(), target("t", server.uri("/"))),
                    List.of(broken, nullish, fine), client, ProgressListener.none()).run();

            assertThat(result.checkRuns()).extracting(CheckRun::check, CheckRun::coverage).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("fake.broken", Coverage.NOT_TESTED),
                    org.assertj.core.groups.Tuple.tuple("fake.empty", Coverage.NOT_TESTED),
                    org.assertj.core.groups.Tuple.tuple("fake.fine", Coverage.TESTED));
            assertThat(result.checkRuns().get(0).note()).contains("IllegalStateException", "parser blew up");
            assertThat(result.errors()).hasSize(2).anyMatch(e -> e.contains("fake.broken on t")
                    && e.contains("parser blew up"));
            assertThat(result.complete()).isTrue();
            assertThat(fine.ranOn).containsExactly("t");
        }
    }

    @Test
    void aCheckWhoseHandlesThrowsIsReportedNotTested() throws Exception {
        try (EngagementClient client = new EngagementClient(Rules.loopback())) {
            var picky = new FakeCheck("fake.picky", (t, c) -> CheckOutcome.tested(List.of(), VerdictTally.EMPTY)) {
                @Override
                public boolean handles(Target target) {
                    throw new UnsupportedOperationException("cannot tell");
                }
            };
            RunResult result = new Engagement(scope(Rules.loopback(), target("t", URI.create("http://127.0.0.1:9/"))),
                    List.of(picky), client, ProgressListener.none()).run();
            assertThat(result.checkRuns()).singleElement().satisfies(r -> {
                assertThat(r.coverage()).isEqualTo(Coverage.NOT_TESTED);
                assertThat(r.note()).contains("cannot tell");
            });
            assertThat(result.errors()).singleElement().asString().contains("fake.picky on t");
            assertThat(picky.ranOn).isEmpty();
        }
    }

    @Test
    void requestStopEndsTheRunIncompleteAndRecordsWhatDidNotRun() throws Exception {
        try (TestServer server = TestServer.ok("ok");
             EngagementClient client = new EngagementClient(Rules.loopback())) {
            AtomicReference<Engagement> self = new AtomicReference<>();
            AtomicReference<Object> afterStop = new AtomicReference<>();
            var stopper = new FakeCheck("fake.a-stopper", (t, c) -> {
                c.http().send(HttpCall.get(server.uri("/before")));
                self.get().requestStop(); // what Ctrl-C does, from another thread in real life
                assertThat(c.stopRequested()).isTrue();
                try {
                    c.http().send(HttpCall.get(server.uri("/after")));
                } catch (EngagementException e) {
                    afterStop.set(e.reason());
                }
                return CheckOutcome.tested(List.of(), VerdictTally.EMPTY.add(Verdict.PASS));
            });
            var later = sender("fake.b-later", 1);
            var engagement = new Engagement(scope(Rules.loopback(), target("t1", server.uri("/")),
                    target("t2", server.uri("/"))), List.of(stopper, later), client, ProgressListener.none());
            self.set(engagement);
            RunResult result = engagement.run();

            assertThat(afterStop.get()).isEqualTo(EngagementException.Reason.STOPPED);
            assertThat(result.complete()).isFalse();
            assertThat(result.checkRuns()).hasSize(4);
            assertThat(result.checkRuns().get(0).coverage()).isEqualTo(Coverage.TESTED);
            assertThat(result.checkRuns().subList(1, 4)).allSatisfy(r -> {
                assertThat(r.coverage()).isEqualTo(Coverage.NOT_TESTED);
                assertThat(r.note()).isEqualTo("stopped before it ran");
            });
            assertThat(later.ranOn).isEmpty();
            assertThat(server.count()).isEqualTo(1);
            assertThat(result.requests()).isEqualTo(1);
        }
    }

    @Test
    void aBudgetSpentMidRunLeavesTheRestNotTestedAndTheRunIncomplete() throws Exception {
        var rules = Rules.of(List.of("127.0.0.1"), 1000, 3, 0);
        try (TestServer server = TestServer.ok("ok");
             EngagementClient client = new EngagementClient(rules)) {
            var greedy = sender("fake.first", 5, false);
            var second = sender("fake.second", 1);
            RunResult result = new Engagement(scope(rules, target("t", server.uri("/"))), List.of(greedy, second),
                    client, ProgressListener.none()).run();

            assertThat(server.count()).isEqualTo(3);
            assertThat(result.requests()).isEqualTo(3);
            assertThat(result.complete()).isFalse();
            CheckRun firstRun = result.checkRuns().get(0);
            assertThat(firstRun.tally().passes()).isEqualTo(3);
            assertThat(firstRun.tally().errors()).isEqualTo(2);
            assertThat(firstRun.tally().lastError()).contains("budget");
            assertThat(result.checkRuns().get(1).coverage()).isEqualTo(Coverage.NOT_TESTED);
            assertThat(result.checkRuns().get(1).note()).isEqualTo("request budget spent");
            assertThat(second.ranOn).isEmpty();
        }
    }

    @Test
    void aCheckCutShortByTheBudgetMakesTheRunIncompleteEvenWhenItIsTheLast() throws Exception {
        var rules = Rules.of(List.of("127.0.0.1"), 1000, 2, 0);
        try (TestServer server = TestServer.ok("ok");
             EngagementClient client = new EngagementClient(rules)) {
            RunResult result = new Engagement(scope(rules, target("t", server.uri("/"))),
                    List.of(sender("fake.only", 3, false)), client, ProgressListener.none()).run();
            assertThat(result.checkRuns()).singleElement().extracting(CheckRun::coverage).isEqualTo(Coverage.TESTED);
            assertThat(result.complete()).isFalse();
        }
    }

    @Test
    void aCheckThatHeedsTheStopFlagEndsWhenTheBudgetIsSpent() throws Exception {
        var rules = Rules.of(List.of("127.0.0.1"), 1000, 2, 0);
        try (TestServer server = TestServer.ok("ok");
             EngagementClient client = new EngagementClient(rules)) {
            var polite = sender("fake.polite", 10);
            RunResult result = new Engagement(scope(rules, target("t1", server.uri("/")), target("t2", server.uri("/"))),
                    List.of(polite), client, ProgressListener.none()).run();
            assertThat(result.checkRuns().get(0).tally().attempts()).isEqualTo(2);
            assertThat(result.checkRuns().get(1).note()).isEqualTo("request budget spent");
            assertThat(polite.ranOn).containsExactly("t1");
            assertThat(result.complete()).isFalse();
        }
    }

    @Test
    void aTargetThatAnswers429WithRetryAfterStillGetsACompleteAssessment() throws Exception {
        Set<String> throttledOnce = ConcurrentHashMap.newKeySet();
        var sleeper = new RecordingSleeper();
        try (TestServer server = TestServer.start((r, i) -> throttledOnce.add(r.path())
                ? Answer.throttled(429, "1")
                : Answer.ok("ok"));
             EngagementClient client = EngagementClient.builder(Rules.loopback()).sleeper(sleeper).build()) {
            var check = sender("fake.sender", 3);
            RunResult result = new Engagement(scope(Rules.loopback(), target("t", server.uri("/"))), List.of(check),
                    client, ProgressListener.none()).run();

            assertThat(result.complete()).isTrue();
            assertThat(result.checkRuns()).singleElement().satisfies(r -> {
                assertThat(r.coverage()).isEqualTo(Coverage.TESTED);
                assertThat(r.tally().passes()).isEqualTo(3);
                assertThat(r.tally().errors()).isZero();
            });
            assertThat(result.requests()).isEqualTo(6);
            assertThat(server.seen()).extracting(TestServer.Seen::path).containsExactly(
                    "/fake.sender/0", "/fake.sender/0", "/fake.sender/1", "/fake.sender/1", "/fake.sender/2",
                    "/fake.sender/2");
            assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1),
                    Duration.ofSeconds(1));
        }
    }

    @Test
    void anEngagementRunsOnlyOnce() {
        try (EngagementClient client = new EngagementClient(Rules.loopback())) {
            var engagement = new Engagement(scope(Rules.loopback()), List.of(), client, ProgressListener.none());
            RunResult result = engagement.run();
            assertThat(result.checkRuns()).isEmpty();
            assertThat(result.complete()).isTrue();
            org.assertj.core.api.Assertions.assertThatThrownBy(engagement::run)
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void anInterruptedRunStopsAndKeepsTheInterrupt() throws Exception {
        try (EngagementClient client = new EngagementClient(Rules.loopback())) {
            var sleepy = new FakeCheck("fake.sleepy", (t, c) -> {
                Thread.currentThread().interrupt();
                Thread.sleep(1000);
                return CheckOutcome.tested(List.of(), VerdictTally.EMPTY);
            });
            var next = sender("fake.then", 1);
            List<RunResult> out = new ArrayList<>();
            List<Boolean> flag = new ArrayList<>();
            Thread runner = new Thread(() -> {
                out.add(new Engagement(scope(Rules.loopback(), target("t", URI.create("http://127.0.0.1:9/"))),
                        List.of(sleepy, next), client, ProgressListener.none()).run());
                flag.add(Thread.currentThread().isInterrupted());
            });
            runner.start();
            runner.join(10_000);
            RunResult result = out.get(0);
            assertThat(flag).containsExactly(true);
            assertThat(result.complete()).isFalse();
            assertThat(result.checkRuns()).extracting(CheckRun::note)
                    .containsExactly("interrupted while running", "stopped before it ran");
        }
    }
}
