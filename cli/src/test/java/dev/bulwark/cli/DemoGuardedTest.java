package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cli.demo.DemoGuardConfig;
import dev.bulwark.guard.audit.AuditKeys;
import dev.bulwark.guard.audit.AuditVerifier;
import dev.bulwark.guard.audit.VerifyResult;
import dev.bulwark.report.FindingsJson;
import dev.bulwark.report.RunDiff;
import dev.bulwark.report.json.FindingsDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's retest loop: {@code demo --guarded} assesses the demo directly and with its chat API behind the gateway;
 * every finding of the chat target is fixed except those {@link BeyondGateway} explains, and the gateway's audit log
 * of the run verifies. One test: it runs two full assessments.
 */
class DemoGuardedTest {
    private static final Pattern CLIENT_KEY = Pattern.compile("bwk_[A-Za-z0-9_-]{43}");

    @TempDir
    Path out;

    @Test
    void theGatewayClosesTheChatFindingsButThoseAGatewayCannotFix() throws Exception {
        var run = CliRun.of("demo", "--guarded", "--out", out.toString(), "--no-progress");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Before / after: molly-chat").contains("molly-form stays direct");

        FindingsDocument before = FindingsJson.read(out.resolve("direct/findings.json"));
        FindingsDocument after = FindingsJson.read(out.resolve("guarded/findings.json"));
        var diff = RunDiff.diff("direct", before, "guarded", after);
        RetestTable table = RetestTable.of(GuardedDemo.GUARDED_TARGET, before, after, diff);
        assertThat(table.rows()).as("the direct run found the demo's weaknesses").hasSizeGreaterThan(15);
        assertThat(table.unexplained()).as("findings a gateway should have closed").isEmpty();
        assertThat(table.count(RetestTable.Status.FIXED) + table.count(RetestTable.Status.REFUSED))
                .isGreaterThanOrEqualTo(table.rows().size() - 3);
        // the gateway terminates TLS, and the guarded scope trusts the certificate the demo made for the run
        assertThat(run.out()).contains("through the gateway at https://127.0.0.1:");
        assertThat(before.findings()).anyMatch(f -> f.check().equals("api.cleartext") && f.target().equals("molly-chat"));
        assertThat(after.findings()).noneMatch(f -> f.check().equals("api.cleartext") && f.target().equals("molly-chat"));
        // the form is not behind the gateway: its findings stay, as the control group
        assertThat(after.findings().stream().filter(f -> f.target().equals("molly-form")).count())
                .isEqualTo(before.findings().stream().filter(f -> f.target().equals("molly-form")).count());
        assertThat(out.resolve("diff.md")).content().contains("| `llm.system-prompt-leak` |");
        assertThat(out.resolve("diff.json")).content().contains("\"fixed\"");

        Path log = out.resolve(DemoGuardConfig.AUDIT_LOG);
        VerifyResult verified = AuditVerifier.verify(log,
                AuditKeys.readPublicKey(out.resolve(DemoGuardConfig.SIGNING_KEY + ".pub")));
        assertThat(verified.ok()).as(verified.firstProblem().toString()).isTrue();
        assertThat(verified.records()).isGreaterThan(100);

        // the client key was made for the run and is written nowhere
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".pem")).toList()) {
                assertThat(CLIENT_KEY.matcher(Files.readString(f)).find()).as(f.toString()).isFalse();
            }
        }
        assertThat(CLIENT_KEY.matcher(run.out()).find()).isFalse();
    }
}
