package dev.bulwark.cli;

import dev.bulwark.guard.audit.Anchors;
import dev.bulwark.guard.audit.AuditFileException;
import dev.bulwark.guard.audit.AuditKeys;
import dev.bulwark.guard.audit.AuditVerifier;
import dev.bulwark.guard.audit.VerifyResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark audit verify}: checks every hash, link, seq and checkpoint signature of an audit log. Exit 0 when
 * every chain verifies, 1 when tampering is found, 2 for a missing or unreadable log or key, 3 when the database
 * cannot be reached.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify the gateway's audit log: recompute every record's hash, check the chain links and seq "
                + "order per instance (removed, inserted, reordered or changed records show) and every signed "
                + "checkpoint against a trusted public key.",
                "Exit codes: 0 the chain verifies, 1 tampering found, 2 missing or bad file, 3 database unreachable."},
        footer = {"", "Examples:",
                "  ./bulwark audit verify audit.jsonl --key /secure/audit-signing.pem.pub",
                "  ./bulwark audit verify audit.jsonl --key /secure/audit-signing.pem.pub --anchor 2285:sha256:9f…",
                "  ./bulwark audit verify --postgres 'jdbc:postgresql://db/guard?user=audit' --key audit.pub"})
final class AuditVerifyCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The JSONL audit log (with the files "
            + "it was rotated into, FILE.<UTC time>, as one chain; a rotated file given by name alone).")
    Path file;

    @Option(names = "--key", paramLabel = "PUB",
            description = "The trusted Ed25519 public key (X.509 PEM). Default: " + AuditKeys.DEFAULT_FILE_NAME
                    + ".pub next to FILE, which proves little: keep a copy of the key away from the log.")
    Path key;

    @Option(names = "--anchor", paramLabel = "SEQ:HASH",
            description = "A checkpoint noted earlier outside the log (verify prints the latest as 'anchor:'); the "
                    + "log must still hold it, else records were cut off its end or start. Repeatable.")
    List<String> anchors = List.of();

    @Option(names = "--postgres", paramLabel = "JDBC_URL",
            description = "Verify every instance chain in a PostgreSQL audit store (instead of or beside FILE).")
    String postgres;

    @Override
    public Integer call() {
        if (file == null && postgres == null) {
            throw new BadInputException("give the audit log FILE or --postgres JDBC_URL");
        }
        PublicKey trusted = trustedKey();
        Map<Long, String> anchored;
        try {
            anchored = Anchors.parse(anchors);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        int exit = ExitCode.OK;
        if (file != null) {
            try {
                exit = Math.max(exit, report(AuditVerifier.verify(file, trusted, anchored)));
            } catch (AuditFileException e) {
                throw new BadInputException(e.getMessage());
            }
        }
        if (postgres != null) {
            try {
                exit = Math.max(exit, report(AuditVerifier.verifyPostgres(postgres, trusted, anchored)));
            } catch (AuditFileException e) {
                spec.commandLine().getErr().println("bulwark: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return ExitCode.UNREACHABLE_OR_INTERNAL;
            }
        }
        return exit;
    }

    private PublicKey trustedKey() {
        Path pub = key;
        if (pub == null) {
            if (file == null) throw new BadInputException("--postgres needs --key PUB (the trusted public key)");
            pub = file.toAbsolutePath().resolveSibling(AuditKeys.DEFAULT_FILE_NAME + ".pub");
            System.out.println("warning: no --key given; using " + pub + ", the key beside the log. Whoever can "
                    + "rewrite the log can likely replace that key too: verify with a copy kept elsewhere.");
        }
        if (!Files.isRegularFile(pub)) throw new BadInputException(pub + ": no such public key file");
        try {
            return AuditKeys.readPublicKey(pub);
        } catch (IOException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** Prints the summary and returns 0 or 1. */
    private static int report(VerifyResult r) {
        PrintStream out = System.out;
        if (r.ok()) {
            out.println(r.source() + ": the chain verifies (" + r.records() + " records, " + r.instances().size()
                    + " instance" + (r.instances().size() == 1 ? "" : "s") + ")");
        } else {
            VerifyResult.Problem p = r.firstProblem().orElseThrow();
            out.println(r.source() + ": TAMPERING FOUND" + (p.line() < 0 ? ""
                    : " at " + (p.file() == null ? "" : p.file() + " ") + r.unit() + " " + p.line())
                    + (p.instance() == null ? "" : " (instance " + p.instance() + (p.seq() < 0 ? "" : ", seq "
                    + p.seq()) + ")") + ": " + p.message());
            if (r.problems().size() > 1) {
                out.println("  " + r.problems().size() + " problems in all" + (r.problems().size() >= 100
                        ? " (first 100 kept)" : "") + "; the first one is where to look");
            }
        }
        for (VerifyResult.InstanceSummary s : r.instances()) {
            out.println("  " + s.instance() + ": " + s.records() + " records (" + s.events() + " events, "
                    + s.checkpoints() + " checkpoints" + (s.gaps() > 0 ? ", " + s.gaps() + " gaps" : "")
                    + "), " + (s.firstSeq() > 1 ? "seq " + s.firstSeq() + " to " + s.lastSeq()
                    : "last seq " + s.lastSeq())
                    + ", signed up to seq " + s.lastCheckpointSeq()
                    + (s.closed() ? ", closed" : ""));
            if (s.lastCheckpointHash() != null) {
                out.println("    anchor " + Anchors.format(s.lastCheckpointSeq(), s.lastCheckpointHash())
                        + " (note it outside the log; a later verify --anchor shows if records were cut off)");
            }
        }
        for (String w : r.warnings()) out.println("warning: " + w);
        out.flush();
        return r.ok() ? ExitCode.OK : ExitCode.FINDINGS;
    }
}
