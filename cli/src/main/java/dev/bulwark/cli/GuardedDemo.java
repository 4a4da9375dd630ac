package dev.bulwark.cli;

import dev.bulwark.cli.demo.DemoCertificate;
import dev.bulwark.cli.demo.DemoGuardConfig;
import dev.bulwark.cli.demo.DemoScope;
import dev.bulwark.cli.demo.DemoTarget;
import dev.bulwark.core.config.ConfigException;
import dev.bulwark.core.scope.Scope;
import dev.bulwark.core.scope.ScopeException;
import dev.bulwark.core.scope.ScopeLoader;
import dev.bulwark.core.scope.YamlText;
import dev.bulwark.guard.Guard;
import dev.bulwark.guard.RunningGuard;
import dev.bulwark.guard.config.ApiKeys;
import dev.bulwark.guard.config.GuardConfig;
import dev.bulwark.guard.config.GuardConfigLoader;
import dev.bulwark.report.DiffResult;
import dev.bulwark.report.FindingsFileException;
import dev.bulwark.report.FindingsJson;
import dev.bulwark.report.RunDiff;
import dev.bulwark.report.json.FindingsDocument;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code demo --guarded}: the retest loop. Assess the vulnerable demo directly (DIR/direct), put the gateway in front
 * of its chat API (DIR/guard.yaml), assess again with the chat target pointed at the gateway (DIR/guarded), and show
 * before/after per finding (DIR/diff.txt, .json, .md). The form API stays direct: it is the shop's own JSON API, not
 * an OpenAI-compatible route, so an LLM gateway cannot stand in front of it; its findings are the control group.
 *
 * <p>The client key is made for the run and never written: guard.yaml holds its hash, the scope names
 * {@code ${BULWARK_GUARD_KEY}}, and the scope loader gets the value from an in-memory copy of the environment.
 */
final class GuardedDemo {
    static final String KEY_VARIABLE = "BULWARK_GUARD_KEY";
    static final String GUARDED_TARGET = "molly-chat";

    private final PrintStream out;
    private final Assessor.Options report;
    private final Assessor.Run what;

    GuardedDemo(PrintStream out, Assessor.Options report, Assessor.Run what) {
        this.out = out;
        this.report = report;
        this.what = what;
    }

    /** Runs both assessments; the exit code is the guarded run's (3 when either could not reach a target). */
    int run() throws Exception {
        Path dir = report.outDir();
        Files.createDirectories(dir);
        try (var target = DemoTarget.start(DemoTarget.Options.vulnerable())) {
            out.println("Demo target (simulated assistant, no real model) at " + target.baseUrl());
            out.println();
            out.println("== 1/2  Direct: the demo as it is ==");
            Assessor.Outcome direct = assess(DemoScope.yaml(target.baseUrl()), dir.resolve("direct"), Map.of());

            String key = ApiKeys.generate();
            Path guardFile = writeGuardConfig(dir, target.baseUrl(), ApiKeys.sha256Hex(key));
            GuardConfig config;
            try {
                config = GuardConfigLoader.load(guardFile, System.getenv());
            } catch (ConfigException e) {
                throw new IllegalStateException("the demo wrote a guard.yaml it cannot load: " + e.getMessage(), e);
            }
            Assessor.Outcome guarded;
            try (RunningGuard guard = startGuard(config)) {
                URI gateway = URI.create(guard.url());
                out.println();
                out.println("== 2/2  Guarded: " + GUARDED_TARGET + " through the gateway at " + gateway + " ==");
                out.println("  (config: " + guardFile.toAbsolutePath().normalize() + "; molly-form stays direct: its"
                        + " /api/ask is the shop's own form API, not an OpenAI-compatible route a gateway can front)");
                guarded = assess(DemoScope.yaml(gateway, KEY_VARIABLE, target.baseUrl(), null)
                                + trusting(dir.resolve(DemoGuardConfig.TLS_CERTIFICATE)), dir.resolve("guarded"),
                        Map.of(KEY_VARIABLE, key));
            }
            printRetest(dir, guardFile);
            if (direct.exitCode() == ExitCode.UNREACHABLE_OR_INTERNAL) return ExitCode.UNREACHABLE_OR_INTERNAL;
            return guarded.exitCode();
        }
    }

    private Assessor.Outcome assess(String scopeYaml, Path outDir, Map<String, String> secrets) throws IOException {
        Path scopeFile = DemoCommand.writeScope(outDir, scopeYaml);
        Scope scope;
        try {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.putAll(secrets);
            scope = ScopeLoader.load(scopeFile, env);
        } catch (ScopeException e) {
            throw new IllegalStateException("the demo wrote a scope it cannot load: " + e.getMessage(), e);
        }
        var options = new Assessor.Options(outDir, report.formats(), report.failOn(), report.progress());
        var outcome = new Assessor(out).assess(scope, options, what);
        new SummaryPrinter(out).print(outcome, outDir);
        return outcome;
    }

    /** The scope's {@code tls} section: trust the gateway's certificate, made for this run. */
    private static String trusting(Path certificate) {
        return "\n# The gateway terminates TLS with a certificate the demo made for this run: trust it (docs/scope.md, tls).\n"
                + "tls:\n  trustedCertificates: [" + YamlText.quote(certificate.toAbsolutePath().normalize().toString())
                + "]\n";
    }

    private static Path writeGuardConfig(Path dir, URI upstream, String keySha256) throws IOException {
        DemoCertificate.write(dir.resolve(DemoGuardConfig.TLS_CERTIFICATE), dir.resolve(DemoGuardConfig.TLS_KEY));
        Files.writeString(dir.resolve(DemoGuardConfig.SYSTEM_PROMPT_FILE), DemoGuardConfig.systemPrompt(),
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(DemoGuardConfig.SCOPE_EXAMPLES_FILE), DemoGuardConfig.scopeExamples(),
                StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve(DemoGuardConfig.AUDIT_LOG).getParent());
        // a log from an earlier run would chain this run's records onto it: start each retest with a fresh one
        Files.deleteIfExists(dir.resolve(DemoGuardConfig.AUDIT_LOG));
        Path file = dir.resolve("guard.yaml");
        Files.writeString(file, DemoGuardConfig.yaml(upstream, keySha256), StandardCharsets.UTF_8);
        return file;
    }

    private static RunningGuard startGuard(GuardConfig config) {
        try {
            return Guard.start(config);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot start the gateway: " + e.getMessage(), e);
        }
    }

    private void printRetest(Path dir, Path guardFile) throws IOException {
        Path before = dir.resolve("direct").resolve("findings.json");
        Path after = dir.resolve("guarded").resolve("findings.json");
        FindingsDocument oldDoc;
        FindingsDocument newDoc;
        try {
            oldDoc = FindingsJson.read(before);
            newDoc = FindingsJson.read(after);
        } catch (FindingsFileException e) {
            throw new IllegalStateException("cannot read back a report just written: " + e.getMessage(), e);
        }
        DiffResult diff = RunDiff.diff(before.toString(), oldDoc, after.toString(), newDoc);
        RetestTable table = RetestTable.of(GUARDED_TARGET, oldDoc, newDoc, diff);
        Files.writeString(dir.resolve("diff.txt"), diff.toText() + "\n" + GUARDED_TARGET + " before/after:\n"
                + table.toText(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("diff.json"), diff.toJson() + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("diff.md"), markdown(diff, table), StandardCharsets.UTF_8);

        out.println();
        out.println("== Before / after: " + GUARDED_TARGET + " behind the gateway ==");
        out.print(table.toText());
        out.printf("%n%d of %d findings of %s fixed by the gateway (%d of them by refusing the probes);"
                        + " %d remain, %d new.%n", table.count(RetestTable.Status.FIXED) + table.count(RetestTable.Status.REFUSED),
                table.rows().size() - table.count(RetestTable.Status.NEW), GUARDED_TARGET,
                table.count(RetestTable.Status.REFUSED), table.count(RetestTable.Status.REMAINS),
                table.count(RetestTable.Status.NEW));
        out.printf("molly-form (not behind the gateway): %d findings before, %d after.%n",
                count(oldDoc, "molly-form"), count(newDoc, "molly-form"));
        out.println();
        out.println("Diff:      " + dir.resolve("diff.md").toAbsolutePath().normalize()
                + "  (also diff.txt, diff.json; or: ./bulwark report diff " + dir.resolve("direct") + " "
                + dir.resolve("guarded") + ")");
        out.println("Gateway:   " + guardFile.toAbsolutePath().normalize());
        Path log = dir.resolve(DemoGuardConfig.AUDIT_LOG);
        out.println("Audit log: " + log.toAbsolutePath().normalize() + "  (./bulwark audit verify " + log + " --key "
                + dir.resolve(DemoGuardConfig.SIGNING_KEY + ".pub") + ")");
    }

    private static long count(FindingsDocument doc, String target) {
        return doc.findings().stream().filter(f -> target.equals(f.target())).count();
    }

    private static String markdown(DiffResult diff, RetestTable table) {
        return "# Retest: the demo directly and behind the gateway\n\n"
                + "- before: `" + diff.oldFile() + "`\n- after: `" + diff.newFile() + "`\n"
                + "- " + diff.fixed().size() + " fixed, " + diff.added().size() + " new, " + diff.unchanged().size()
                + " unchanged (all targets; `molly-form` is not behind the gateway)\n\n"
                + "## `" + table.target() + "` behind the gateway\n\n" + table.toMarkdown();
    }
}
