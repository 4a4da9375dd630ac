package dev.bulwark.cli;

import dev.bulwark.guard.Guard;
import dev.bulwark.guard.RunningGuard;
import dev.bulwark.guard.config.GuardConfig;
import dev.bulwark.guard.config.GuardConfigLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "guard.yaml",
            description = "The gateway's configuration (default: ${DEFAULT-VALUE}).")
    Path config;

    @Override
    public Integer call() throws Exception {
        GuardConfig loaded = GuardConfigLoader.load(config, System.getenv());
        RunningGuard guard;
        try {
            guard = Guard.start(loaded);
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println("bulwark guard: cannot start: " + e.getMessage());
            return ExitCode.UNREACHABLE_OR_INTERNAL;
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            guard.close();
            stopped.countDown();
        }, "bulwark-guard-stop"));
        System.out.println("listening on " + guard.url());
        if (guard.adminPort() > 0) {
            System.out.println("admin (health, metrics) on http://" + loaded.admin().host() + ":" + guard.adminPort());
        }
        System.out.flush();
        stopped.await();
        return ExitCode.OK;
    }
}
