package dev.bulwark.cli;

import dev.bulwark.cli.demo.DemoScope;
import dev.bulwark.cli.demo.DemoTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start the built-in, deliberately vulnerable support assistant (a rule-based simulator, "
                + "not a model) on a free loopback port and assess it end to end.",
                "With --serve, only run the target so other tools can be pointed at it."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--serve", description = "Only run the demo target until Ctrl-C.")
    boolean serve;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "Port for --serve (default: a free port).")
    int port;

    @Option(names = "--hardened",
            description = "Assess the fixed variant of the demo target instead (API key, refusals, output filter,"
                    + " strict CORS, generic errors, rate limit): the \"after\" to the default \"before\".")
    boolean hardened;

    @Option(names = "--guarded",
            description = "The retest loop: assess the demo directly (DIR/direct), then again with its chat API behind"
                    + " the Bulwark gateway (DIR/guard.yaml, DIR/guarded), and show before/after per finding"
                    + " (DIR/diff.md).")
    boolean guarded;

    @Mixin
    ReportOptions report;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) throw new BadInputException("--port: " + port + " is not a TCP port");
        if (!serve && port != 0) throw new BadInputException("--port only applies with --serve");
        if (guarded && (serve || hardened)) throw new BadInputException("--guarded goes with neither --serve nor --hardened");
        if (guarded) return new GuardedDemo(System.out, report.options(), new Assessor.Run(run.pack(), run.allowPartial, false, null)).run();
        return serve ? serve() : assess();
    }

    private int assess() throws Exception {
        try (var target = DemoTarget.start(hardened ? HardenedDemo.options() : new DemoTarget.Options(0, false))) {
            System.out.println("Demo target (simulated assistant, no real model" + (hardened ? ", hardened" : "")
                    + ") at " + target.baseUrl());
            // hardened: the scope names an environment variable, the key reaches the loader only in memory
            Path scopeFile = writeScope(report.outDir(), hardened
                    ? DemoScope.yaml(target.baseUrl(), HardenedDemo.KEY_VARIABLE) : DemoScope.yaml(target.baseUrl()));
            var scope = hardened ? HardenedDemo.loadScope(scopeFile, target.options().apiKey())
                    : AssessCommand.loadScope(scopeFile);
            var what = new Assessor.Run(run.pack(), run.allowPartial, false, null);
            var outcome = new Assessor(System.out).assess(scope, report.options(), what);
            new SummaryPrinter(System.out).print(outcome, report.outDir());
            System.out.println("Scope:  " + scopeFile.toAbsolutePath().normalize()
                    + (hardened ? "  (reads the demo key from $" + HardenedDemo.KEY_VARIABLE + ")"
                    : "  (rerun with: ./bulwark demo --serve, then ./bulwark assess --scope <it>)"));
            return outcome.exitCode();
        }
    }

    private int serve() throws Exception {
        try (var target = DemoTarget.start(new DemoTarget.Options(port, false))) {
            Path scopeFile = writeScope(report.outDir(), DemoScope.yaml(target.baseUrl()));
            System.out.println("Demo target (simulated assistant, no real model) listening at " + target.baseUrl());
            System.out.println("  chat:  POST " + target.baseUrl().resolve("/v1/chat/completions"));
            System.out.println("  form:  POST " + target.baseUrl().resolve("/api/ask"));
            System.out.println("Scope for it: " + scopeFile.toAbsolutePath().normalize());
            System.out.println("  ./bulwark assess --scope " + scopeFile);
            System.out.println("Press Ctrl-C to stop.");
            var stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "bulwark-demo-stop"));
            stopped.await();
            return ExitCode.OK;
        }
    }

    /** Written through a temp file so a crash never leaves half a scope. */
    static Path writeScope(Path outDir, String yaml) throws IOException {
        Files.createDirectories(outDir);
        Path file = outDir.resolve("bulwark.yaml");
        Path tmp = Files.createTempFile(outDir, ".bulwark", ".yaml.tmp");
        Files.writeString(tmp, yaml, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
