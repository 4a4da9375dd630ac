package dev.bulwark.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.Confidence;
import dev.bulwark.core.Coverage;
import dev.bulwark.core.Evidence;
import dev.bulwark.core.Finding;
import dev.bulwark.core.Severity;
import dev.bulwark.core.Verdict;
import dev.bulwark.core.VerdictTally;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.core.http.EngagementClient;
import dev.bulwark.core.http.HttpCall;
import dev.bulwark.core.http.Rules;
import dev.bulwark.core.http.TestServer;
import dev.bulwark.core.scope.HttpTarget;
import dev.bulwark.core.scope.Scope;
import dev.bulwark.core.scope.Target;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run stopped midway writes a checkpoint; a resumed run skips what was finished and keeps its results. */
class ResumeTest {
    @TempDir
    Path out;

    private static Target target(String id, URI url) {
        return new HttpTarget(id, url, "POST", "{\"q\":\"{{prompt}}\"}", "$.answer", Map.of(), Optional.empty(),
                List.of(), List.of());
    }

    private static Scope scope(Target... targets) {
        return new Scope(null, new Scope.Engagement("resume", "owner"), Rules.loopback(), List.of(),
                List.of(targets), List.of(), List.of());
    }

    /** One request, one HIT and a finding with reproduction evidence; asks the engagement to stop when told. */
    private static FakeCheck check(String id, AtomicReference<Engagement> stopAfter) {
        return new FakeCheck(id, (t, ctx) -> {
            ctx.http().send(HttpCall.get(((HttpTarget) t).url().resolve("/" + id)));
            if (stopAfter.get() != null) stopAfter.get().requestStop();
            Finding f = Finding.builder(id, WeaknessClass.VERBOSE_ERRORS).title(id + " leaks")
                    .severity(Severity.MEDIUM).confidence(Confidence.FIRM).target(t.id()).rootCause("r")
                    .evidence(new Evidence(1, 1, "GET /", "stack trace", List.of()).withReproduction("user: x"))
                    .build();
            return CheckOutcome.tested(List.of(f), VerdictTally.EMPTY.add(Verdict.HIT));
        });
    }

    @Test
    void aStoppedRunResumesWithoutRepeatingFinishedChecks() throws Exception {
        try (TestServer server = TestServer.ok("ok")) {
            Scope scope = scope(target("t", server.uri("/")));
            AtomicReference<Engagement> stopper = new AtomicReference<>();
            FakeCheck a = check("fake.a", new AtomicReference<>());
            FakeCheck b = check("fake.b", stopper);
            FakeCheck c = check("fake.c", new AtomicReference<>());
            RunResult first;
            try (EngagementClient client = new EngagementClient(Rules.loopback())) {
                Checkpoint journal = Checkpoint.fresh(out, "sha256:1", "standard", client::requestsSent);
                Engagement engagement = new Engagement(scope, List.of(a, b, c), client, ProgressListener.none(), journal);
                stopper.set(engagement);
                first = engagement.run();
            }
            assertThat(first.complete()).isFalse();
            assertThat(first.checkRuns()).extracting(CheckRun::check, CheckRun::coverage).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("fake.a", Coverage.TESTED),
                    org.assertj.core.groups.Tuple.tuple("fake.b", Coverage.TESTED),
                    org.assertj.core.groups.Tuple.tuple("fake.c", Coverage.NOT_TESTED));
            assertThat(Files.exists(out.resolve(Checkpoint.FILE_NAME))).isTrue();
            assertThat(server.count()).isEqualTo(2);

            FakeCheck a2 = check("fake.a", new AtomicReference<>());
            FakeCheck b2 = check("fake.b", new AtomicReference<>());
            FakeCheck c2 = check("fake.c", new AtomicReference<>());
            RunResult second;
            try (EngagementClient client = new EngagementClient(Rules.loopback())) {
                Checkpoint journal = Checkpoint.resume(out, "sha256:1", "standard", client::requestsSent);
                // fake.b was cut by the stop it asked for, so only fake.a counts as finished
                assertThat(journal.size()).isEqualTo(1);
                second = new Engagement(scope, List.of(a2, b2, c2), client, ProgressListener.none(), journal).run();
            }
            assertThat(a2.ranOn).isEmpty();
            assertThat(b2.ranOn).containsExactly("t");
            assertThat(c2.ranOn).containsExactly("t");
            assertThat(second.complete()).isTrue();
            assertThat(second.checkRuns()).allMatch(r -> r.coverage() == Coverage.TESTED).hasSize(3);
            assertThat(second.findings()).extracting(Finding::check).containsExactly("fake.a", "fake.b", "fake.c");
            Finding restored = second.findings().get(0);
            assertThat(restored.evidence().reproduction()).isEqualTo("user: x");
            assertThat(restored.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(second.requests()).isEqualTo(first.requests() + 2);
            assertThat(server.count()).isEqualTo(4);
        }
    }

    @Test
    void aCheckpointOfAnotherScopeOrPackIsRefused() throws Exception {
        try (TestServer server = TestServer.ok("ok");
             EngagementClient client = new EngagementClient(Rules.loopback())) {
            Checkpoint journal = Checkpoint.fresh(out, "sha256:1", "standard", client::requestsSent);
            new Engagement(scope(target("t", server.uri("/"))), List.of(check("fake.a", new AtomicReference<>())),
                    client, ProgressListener.none(), journal).run();
        }
        assertThatThrownBy(() -> Checkpoint.resume(out, "sha256:2", "standard", () -> 0))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("different scope");
        assertThatThrownBy(() -> Checkpoint.resume(out, "sha256:1", "thorough", () -> 0))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("--pack standard");
        Files.writeString(out.resolve(Checkpoint.FILE_NAME), "{\"schema\": 5");
        assertThatThrownBy(() -> Checkpoint.resume(out, "sha256:1", "standard", () -> 0))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("unreadable");
        Checkpoint.discard(out);
        assertThatThrownBy(() -> Checkpoint.resume(out, "sha256:1", "standard", () -> 0))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("no checkpoint");
    }

    @Test
    void theScopeHashFollowsTheScopeFileAndItsProbes() throws Exception {
        Path scopeFile = Files.writeString(out.resolve("bulwark.yaml"), "a: 1\n");
        Path probes = Files.createDirectories(out.resolve("probes"));
        String before = Checkpoint.scopeHash(scopeFile, Optional.of(probes));
        assertThat(Checkpoint.scopeHash(scopeFile, Optional.of(probes))).isEqualTo(before);
        Files.writeString(probes.resolve("p.yaml"), "id: custom.x\n");
        String withProbe = Checkpoint.scopeHash(scopeFile, Optional.of(probes));
        assertThat(withProbe).isNotEqualTo(before);
        Files.writeString(scopeFile, "a: 2\n");
        assertThat(Checkpoint.scopeHash(scopeFile, Optional.of(probes))).isNotEqualTo(withProbe);
    }
}
