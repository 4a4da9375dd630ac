package dev.bulwark.cli;

import dev.bulwark.guard.Guard;
import dev.bulwark.guard.RunningGuard;
import dev.bulwark.guard.config.GuardConfig;
import dev.bulwark.guard.config.GuardConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bulwark guard --config FILE}: the AI gateway in the foreground until Ctrl-C (or SIGTERM), which drains the
 * requests in flight and writes the audit log's final signed checkpoint before exiting.
 */
@Command(name = "guard", mixinStandardHelpOptions = true,
        description = {"Run the AI gateway: an OpenAI-compatible reverse proxy that authenticates, rate-limits, "
                + "filters input and output, watches for model extraction and keeps a signed audit log.",
                "Prints one line 'listening on URL' once it accepts requests. See docs/guard.md."},
        subcommands = {GuardKeysCommand.class})
final class GuardCommand implements Callable<Integer> {
    private static final int MAX_REASON = 400;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "guard.yaml",
            description = "The gateway's configuration (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--check", description = "Check the config and its keys file, print what the gateway would do "
            + "(every default filled in) and exit: 0 valid, 2 not.")
    boolean check;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        GuardConfig loaded = GuardConfigLoader.load(config, System.getenv());
        if (check) {
            GuardConfigSummary.print(loaded, spec.commandLine().getOut());
            return ExitCode.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        RunningGuard guard;
        try {
            guard = Guard.start(loaded);
        } catch (RuntimeException e) {
            // Guard.start closed whatever it had opened: nothing is left listening or writing
            err.println("bulwark guard: cannot start: " + oneLine(e.getMessage()));
            if (System.getenv("BULWARK_DEBUG") != null) e.printStackTrace(err);
            err.flush();
            return ExitCode.UNREACHABLE_OR_INTERNAL;
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            guard.close();
            stopped.countDown();
        }, "bulwark-guard-stop"));
        // stdout carries exactly this one line, so scripts can read the URL; everything else goes to stderr
        System.out.println("listening on " + guard.url());
        System.out.flush();
        if (guard.adminPort() > 0) {
            err.println("admin (health, metrics) on http://" + loaded.admin().host() + ":" + guard.adminPort());
            err.flush();
        }
        stopped.await();
        return ExitCode.OK;
    }

    /** The first line of a message (driver and migration errors run to several), bounded. */
    static String oneLine(String message) {
        if (message == null || message.isBlank()) return "unknown error";
        String first = message.strip().lines().findFirst().orElse("").strip();
        return first.length() > MAX_REASON ? first.substring(0, MAX_REASON) + "..." : first;
    }
}
