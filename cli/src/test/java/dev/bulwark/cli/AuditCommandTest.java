package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.guard.audit.ChainedAuditSink;
import dev.bulwark.guard.config.AuditConfig;
import dev.bulwark.guard.pipeline.AuditEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code audit verify} run through picocli as a user would (not yet registered in Main: the lead does that). */
class AuditCommandTest {
    @TempDir
    Path dir;
    Path log;
    Path pub;

    @BeforeEach
    void writeLog() {
        log = dir.resolve("audit.jsonl");
        var config = new AuditConfig(log, null, dir.resolve("audit-signing.pem"), 4, AuditConfig.TextMode.HASH,
                "gw-1");
        try (var sink = ChainedAuditSink.jsonl(config)) {
            for (int i = 0; i < 10; i++) {
                sink.append(new AuditEvent(Instant.now(), "r" + i, "app", "127.0.0.1", "/v1/chat/completions", "m",
                        "main", 200, "allowed", List.of(), 1, 2, 3, false, "hmac-sha256:00", null));
            }
        }
        pub = dir.resolve("audit-signing.pem.pub");
    }

    @Test
    void a_good_log_verifies_with_exit_0() {
        Run r = run("audit", "verify", log.toString(), "--key", pub.toString());
        assertThat(r.exit).isZero();
        assertThat(r.out).contains("the chain verifies (13 records, 1 instance)", "gw-1: 13 records (10 events, "
                + "3 checkpoints), last seq 13, signed up to seq 13, closed");
        assertThat(r.out).doesNotContain("warning");
    }

    @Test
    void without_key_it_uses_the_key_beside_the_log_and_says_what_that_proves() {
        Run r = run("audit", "verify", log.toString());
        assertThat(r.exit).isZero();
        assertThat(r.out).contains("warning: no --key given", "the key beside the log");
    }

    @Test
    void tampering_exits_1_naming_line_and_seq() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.remove(3);
        Files.writeString(log, String.join("\n", lines) + "\n");
        Run r = run("audit", "verify", log.toString(), "--key", pub.toString());
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.out).contains("TAMPERING FOUND at line 4 (instance gw-1, seq 5): expected seq 4, found 5");
    }

    @Test
    void a_rotated_log_verifies_as_one_chain_and_a_removed_file_exits_1_naming_the_next() throws IOException {
        Path rotating = dir.resolve("rotating").resolve("audit.jsonl");
        var config = new AuditConfig(rotating, null, dir.resolve("audit-signing.pem"), 4, AuditConfig.TextMode.HASH,
                "gw-1", new AuditConfig.Rotation(1024, 0), null);
        for (int session = 0; session < 3; session++) {
            try (var sink = ChainedAuditSink.jsonl(config)) {
                for (int i = 0; i < 10; i++) {
                    sink.append(new AuditEvent(Instant.now(), "r" + i, "app", "127.0.0.1", "/v1/chat/completions",
                            "m", "main", 200, "allowed", List.of(), 1, 2, 3, false, "hmac-sha256:00", null));
                }
            }
        }
        List<Path> rotated;
        try (var files = Files.list(rotating.getParent())) {
            rotated = files.filter(f -> f.getFileName().toString().matches("audit\\.jsonl\\.\\d{8}T.*Z"))
                    .sorted().toList();
        }
        assertThat(rotated).hasSizeGreaterThanOrEqualTo(3);
        Run ok = run("audit", "verify", rotating.toString(), "--key", pub.toString());
        assertThat(ok.exit).isZero();
        assertThat(ok.out).contains("and the " + rotated.size() + " file(s) it was rotated into: the chain verifies",
                "30 events");

        Run alone = run("audit", "verify", rotated.get(1).toString(), "--key", pub.toString());
        assertThat(alone.exit).isZero();
        assertThat(alone.out).containsPattern("gw-1: \\d+ records .*, seq \\d+ to \\d+, signed up to seq")
                .contains("warning: gw-1: starts at seq");

        Files.delete(rotated.get(1));
        Run removed = run("audit", "verify", rotating.toString(), "--key", pub.toString());
        assertThat(removed.exit).isEqualTo(1);
        assertThat(removed.out).contains("TAMPERING FOUND at " + rotated.get(2) + " line 1 (instance gw-1");
    }

    @Test
    void verify_prints_an_anchor_and_a_log_cut_short_since_exits_1_with_it() throws IOException {
        Run first = run("audit", "verify", log.toString(), "--key", pub.toString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("anchor (13:sha256:[0-9a-f]{64})").matcher(first.out);
        assertThat(m.find()).as(first.out).isTrue();
        String anchor = m.group(1);
        assertThat(run("audit", "verify", log.toString(), "--key", pub.toString(), "--anchor", anchor).exit).isZero();

        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        Files.writeString(log, String.join("\n", lines.subList(0, 5)) + "\n"); // up to the checkpoint at seq 5
        assertThat(run("audit", "verify", log.toString(), "--key", pub.toString()).exit).isZero();
        Run cut = run("audit", "verify", log.toString(), "--key", pub.toString(), "--anchor", anchor);
        assertThat(cut.exit).isEqualTo(1);
        assertThat(cut.out).contains("TAMPERING FOUND: the anchored record seq 13");

        Run bad = run("audit", "verify", log.toString(), "--key", pub.toString(), "--anchor", "13:nope");
        assertThat(bad.exit).isEqualTo(2);
        assertThat(bad.err).contains("anchor '13:nope'");
    }

    @Test
    void a_missing_or_foreign_file_exits_2_naming_it() throws IOException {
        Run missing = run("audit", "verify", dir.resolve("gone.jsonl").toString(), "--key", pub.toString());
        assertThat(missing.exit).isEqualTo(2);
        assertThat(missing.err).contains("gone.jsonl: no such file");

        Path other = dir.resolve("other.txt");
        Files.writeString(other, "not a log\n");
        Run foreign = run("audit", "verify", other.toString(), "--key", pub.toString());
        assertThat(foreign.exit).isEqualTo(2);
        assertThat(foreign.err).contains("other.txt: line 1: not a Bulwark audit log");

        Run noKey = run("audit", "verify", log.toString(), "--key", dir.resolve("nokey.pub").toString());
        assertThat(noKey.exit).isEqualTo(2);
        assertThat(noKey.err).contains("nokey.pub: no such public key file");

        Run nothing = run("audit", "verify");
        assertThat(nothing.exit).isEqualTo(2);
    }

    @Test
    void an_unreachable_database_exits_3_without_the_password() {
        Run r = run("audit", "verify", "--postgres",
                "jdbc:postgresql://127.0.0.1:1/none?user=x&password=s3cret&connectTimeout=2", "--key", pub.toString());
        assertThat(r.exit).isEqualTo(3);
        assertThat(r.err).contains("cannot read the audit store").doesNotContain("s3cret");
    }

    private record Run(int exit, String out, String err) {
    }

    private static synchronized Run run(String... args) {
        var outBytes = new ByteArrayOutputStream();
        var err = new StringWriter();
        PrintStream original = System.out;
        try (var out = new PrintStream(outBytes, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            var cli = new CommandLine(new Root());
            cli.setExecutionExceptionHandler(new ErrorHandler());
            cli.setParameterExceptionHandler(ErrorHandler::usageError);
            cli.setExitCodeExceptionMapper(ErrorHandler::exitCodeOf);
            cli.setErr(new PrintWriter(err, true));
            int code = cli.execute(args);
            return new Run(code, outBytes.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(original);
        }
    }

    /** A stand-in for Main until the lead registers {@code audit} there. */
    @CommandLine.Command(name = "bulwark", subcommands = AuditCommand.class)
    static final class Root implements Runnable {
        @Override
        public void run() {
        }
    }
}
