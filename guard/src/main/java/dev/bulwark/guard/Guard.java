package dev.bulwark.guard;

import dev.bulwark.guard.access.Access;
import dev.bulwark.guard.audit.AuditSinks;
import dev.bulwark.guard.audit.AuditText;
import dev.bulwark.guard.config.AuditConfig;
import dev.bulwark.guard.config.GuardConfig;
import dev.bulwark.guard.config.StateConfig;
import dev.bulwark.guard.filter.Filters;
import dev.bulwark.guard.filter.SharedReplies;
import dev.bulwark.guard.limit.Limiters;
import dev.bulwark.guard.monitor.Monitors;
import dev.bulwark.guard.pipeline.AccessControl;
import dev.bulwark.guard.pipeline.AuditSink;
import dev.bulwark.guard.pipeline.ExtractionMonitor;
import dev.bulwark.guard.pipeline.InputFilter;
import dev.bulwark.guard.pipeline.OutputFilter;
import dev.bulwark.guard.pipeline.RateLimiter;
import dev.bulwark.guard.proxy.ProxyServer;
import dev.bulwark.guard.state.RedisReleasedReplies;
import dev.bulwark.guard.upstream.UpstreamAdapters;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** Starts the gateway: {@code Guard.start(config, components)} returns once both listeners accept connections. */
public final class Guard {
    private Guard() {
    }

    /**
     * Builds every protection from {@code config} (access, limits, filters, monitor, audit, adapters) and starts the
     * gateway with them. What was built is closed again when something fails on the way.
     *
     * @throws IllegalStateException    when a listener cannot bind or a protection cannot start (audit log tail
     *                                  tampered, Redis URL unusable, ...)
     * @throws IllegalArgumentException when a setting is unusable (the loader catches most of these first)
     */
    public static RunningGuard start(GuardConfig config) {
        List<AutoCloseable> built = new ArrayList<>();
        try {
            AccessControl access = keep(built, Access.from(config));
            RateLimiter limiter = keep(built, Limiters.from(config));
            InputFilter input = keep(built, Filters.input(config.policies().input(), config.policies().failClosed(),
                    config.policies().output().allowLogprobs(), config.policies().piiAllowList(),
                    sharedReplies(config)));
            OutputFilter output = Filters.output(config.policies().output(), config.policies().piiAllowList());
            ExtractionMonitor monitor = keep(built, Monitors.from(config.policies().extraction(), config.state(),
                    config.alerts()));
            AuditConfig audit = withInstanceId(config.audit(), config);
            AuditSink sink = keep(built, AuditSinks.open(audit));
            var components = new GuardComponents(access, limiter, input, output, sink, monitor,
                    UpstreamAdapters::forFlavor, AuditText.of(audit), 0);
            return start(config, components);
        } catch (RuntimeException e) {
            for (AutoCloseable c : built.reversed()) {
                try {
                    c.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /**
     * Binds the client listener (TLS when configured) and the admin listener, blocking until both listen.
     *
     * @throws IllegalStateException when a listener cannot bind (port taken, unreadable certificate, ...)
     */
    public static RunningGuard start(GuardConfig config, GuardComponents components) {
        return new RunningGuard(ProxyServer.start(config, components));
    }

    /** With {@code state: redis}, the replies the instances released are shared there too; else null. */
    private static SharedReplies sharedReplies(GuardConfig config) {
        return config.state().backend() == StateConfig.Backend.REDIS
                ? new RedisReleasedReplies(config.state().redisUrl()) : null;
    }

    private static <T> T keep(List<AutoCloseable> built, T component) {
        if (component instanceof AutoCloseable c) built.add(c);
        return component;
    }

    /**
     * Several instances writing one PostgreSQL store need distinct chains: without a configured id, the host name
     * and the configured port name this one (with port 0 and a shared store, the process id). A JSONL file holds one
     * instance (it is locked), so its id must survive a restart: a new id per run would start a new chain each time,
     * and a whole earlier run could then be deleted without a trace.
     */
    private static AuditConfig withInstanceId(AuditConfig audit, GuardConfig config) {
        if (audit.instanceId() != null) return audit;
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        int port = config.listen().port();
        String id = port != 0 ? host + ":" + port
                : audit.postgresUrl() != null ? host + ":pid" + ProcessHandle.current().pid() : host;
        return new AuditConfig(audit.path(), audit.postgresUrl(), audit.signingKey(), audit.checkpointEvery(),
                audit.text(), id, audit.rotation(), audit.anchorWebhook());
    }
}
