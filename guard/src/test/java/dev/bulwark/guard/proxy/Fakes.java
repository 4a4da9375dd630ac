package dev.bulwark.guard.proxy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.GuardComponents;
import dev.bulwark.guard.config.Action;
import dev.bulwark.guard.config.AddressBlock;
import dev.bulwark.guard.config.ForwardedHeader;
import dev.bulwark.guard.config.Admin;
import dev.bulwark.guard.config.AlertsConfig;
import dev.bulwark.guard.config.AuditConfig;
import dev.bulwark.guard.config.ClientConfig;
import dev.bulwark.guard.config.ClientTimeouts;
import dev.bulwark.guard.config.CorsPolicy;
import dev.bulwark.guard.config.ExtractionPolicy;
import dev.bulwark.guard.config.GuardConfig;
import dev.bulwark.guard.config.GuardDefaults;
import dev.bulwark.guard.config.HeaderValue;
import dev.bulwark.guard.config.InputPolicy;
import dev.bulwark.guard.config.Limits;
import dev.bulwark.guard.config.Listen;
import dev.bulwark.guard.config.OutputPolicy;
import dev.bulwark.guard.config.Policies;
import dev.bulwark.guard.config.StateConfig;
import dev.bulwark.guard.config.TlsConfig;
import dev.bulwark.guard.config.Upstream;
import dev.bulwark.guard.pipeline.AccessControl;
import dev.bulwark.guard.pipeline.AuditEvent;
import dev.bulwark.guard.pipeline.AuditSink;
import dev.bulwark.guard.pipeline.Caller;
import dev.bulwark.guard.pipeline.Decision;
import dev.bulwark.guard.pipeline.ExtractionMonitor;
import dev.bulwark.guard.pipeline.InputFilter;
import dev.bulwark.guard.pipeline.OutputFilter;
import dev.bulwark.guard.pipeline.Pseudonyms;
import dev.bulwark.guard.pipeline.RateLimiter;
import dev.bulwark.guard.pipeline.Refusal;
import dev.bulwark.guard.pipeline.Route;
import dev.bulwark.guard.pipeline.StreamFilter;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Fake protections for the proxy tests: plain classes and lambdas, each settable per test. */
final class Fakes {
    static final String KEY = "good-key";
    static final String UPSTREAM_SECRET = "Bearer upstream-secret";

    AccessControl access = new KeyAccess();
    RateLimiter limiter = new CountingLimiter(true);
    InputFilter input = (route, body, caller) -> new InputFilter.InputVerdict(Optional.empty(), body, List.of(), PromptText.of(route, body));
    OutputFilter output = new MarkingOutput();
    ExtractionMonitor monitor = new FixedMonitor(ExtractionMonitor.MonitorVerdict.NONE);
    final RecordingAudit audit = new RecordingAudit();
    boolean failClosed = true;
    int maxBytes = 4096;
    List<String> corsOrigins = List.of();
    TlsConfig tls;
    ClientTimeouts timeouts = ClientTimeouts.DEFAULTS;
    Duration upstreamTimeout = Duration.ofSeconds(10);
    List<X509Certificate> upstreamTrust = List.of();
    List<AddressBlock> trustedProxies = List.of();
    ForwardedHeader forwardedHeader = ForwardedHeader.X_FORWARDED_FOR;
    List<ClientConfig> clients = List.of();

    GuardComponents components() {
        return new GuardComponents(access, limiter, input, output, audit, monitor, flavor -> new PassthroughAdapter(),
                text -> "kept:" + text.length(), 2);
    }

    GuardConfig config(String upstreamUrl) {
        Upstream upstream = new Upstream("main", URI.create(upstreamUrl), Upstream.Flavor.OPENAI,
                new HeaderValue("Authorization", UPSTREAM_SECRET), List.of("*"), upstreamTimeout, null, upstreamTrust);
        InputPolicy in = new InputPolicy(maxBytes, 100, null, Action.BLOCK, 0.5, false, true, Action.REDACT, Action.BLOCK);
        OutputPolicy out = new OutputPolicy(Action.REDACT, Action.REDACT, List.of(), null,
                OutputPolicy.ImageAction.STRIP_EXTERNAL, List.of(), OutputPolicy.HtmlAction.ESCAPE, false,
                OutputPolicy.ToolCallAction.BLOCK);
        ExtractionPolicy extraction = new ExtractionPolicy(true, Duration.ofHours(1), 1000, 0.2, 50, 0.8,
                ExtractionPolicy.ExtractionAction.THROTTLE);
        Policies policies = new Policies(in, out, extraction, new CorsPolicy(corsOrigins), Limits.NONE, Limits.NONE,
                Limits.NONE, failClosed);
        return new GuardConfig(null, new Listen("127.0.0.1", 0, tls, timeouts, trustedProxies, forwardedHeader, 256), new Admin(true, "127.0.0.1", 0), List.of(upstream),
                clients, null, GuardDefaults.ROLES, null, policies,
                new AuditConfig(null, null, null, 100, AuditConfig.TextMode.HASH, "test"),
                new StateConfig(StateConfig.Backend.MEMORY, null), new AlertsConfig(null));
    }

    /** One valid key; the model {@code forbidden-model} is refused to everyone. */
    static final class KeyAccess implements AccessControl {
        @Override
        public Authentication authenticate(dev.bulwark.guard.pipeline.RequestHead head) {
            if (head.header("authorization").filter(("Bearer " + KEY)::equals).isPresent()) {
                return new Authenticated(new Caller("app", Set.of("chat"), head.remoteIp(), "key", Limits.NONE));
            }
            return new Rejected(new Refusal(401, "authentication_error", "invalid_api_key", "Invalid API key.",
                    Map.of("www-authenticate", "Bearer")));
        }

        @Override
        public Optional<Refusal> authorize(Caller caller, Route route, String model, java.util.List<String> tools) {
            if ("forbidden-model".equals(model)) {
                return Optional.of(Refusal.of(403, "permission_error", "model_not_allowed", "Model not allowed."));
            }
            return Optional.empty();
        }
    }

    /** Admits or refuses everything; remembers settlements. */
    static final class CountingLimiter implements RateLimiter {
        final boolean allow;
        final AtomicLong settledTokens = new AtomicLong(-1);
        final AtomicBoolean closed = new AtomicBoolean();

        CountingLimiter(boolean allow) {
            this.allow = allow;
        }

        @Override
        public CompletionStage<LimitDecision> admit(Caller caller, long estimatedTokens) {
            // completes on another thread, as a Redis-backed limiter would
            return CompletableFuture.supplyAsync(() -> allow
                    ? new LimitDecision(true, 60, 59, 1, 0, "client", "requests")
                    : new LimitDecision(false, 60, 0, 30, 30, "client", "requests"));
        }

        @Override
        public void settle(Caller caller, long estimatedTokens, long actualTokens) {
            settledTokens.set(actualTokens);
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    record FixedMonitor(MonitorVerdict verdict) implements ExtractionMonitor {
        @Override
        public CompletionStage<MonitorVerdict> observe(Caller caller, String promptText, Instant now) {
            return CompletableFuture.completedFuture(verdict);
        }

        @Override
        public void close() {
        }
    }

    /**
     * Whole replies: blocked when the text holds {@code CANARY}. Streams: chunks passed one by one, blocked at the
     * chunk holding {@code CANARY}.
     */
    static final class MarkingOutput implements OutputFilter {
        @Override
        public OutputVerdict inspect(Route route, ObjectNode response, Set<String> offeredTools, Pseudonyms pseudonyms) {
            String text = response.path("choices").path(0).path("message").path("content").asText("");
            if (text.contains("CANARY")) {
                return new OutputVerdict(true, Refusal.of(422, "invalid_request_error", "output_blocked", "Reply blocked."),
                        response, List.of(new Decision("output", "canary", "blocked", 1, 1, "")), "");
            }
            return new OutputVerdict(false, null, response, List.of(), text);
        }

        @Override
        public StreamFilter stream(Route route, Set<String> offeredTools, Pseudonyms pseudonyms) {
            return new StreamFilter() {
                private final StringBuilder sent = new StringBuilder();
                private boolean blocked;

                @Override
                public List<String> onData(String data) {
                    if (data.contains("CANARY")) {
                        blocked = true;
                        return List.of();
                    }
                    sent.append(data.length());
                    return List.of(data);
                }

                @Override
                public List<String> finish() {
                    return List.of("[DONE]");
                }

                @Override
                public boolean blocked() {
                    return blocked;
                }

                @Override
                public List<Decision> decisions() {
                    return blocked ? List.of(new Decision("output", "canary", "blocked", 1, 1, "")) : List.of();
                }

                @Override
                public String completionText() {
                    return sent.toString();
                }
            };
        }
    }

    static final class RecordingAudit implements AuditSink {
        final BlockingQueue<AuditEvent> events = new LinkedBlockingQueue<>();
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public void append(AuditEvent event) {
            events.add(event);
        }

        AuditEvent next() throws InterruptedException {
            AuditEvent event = events.poll(10, TimeUnit.SECONDS);
            if (event == null) throw new AssertionError("no audit event within 10 s");
            return event;
        }

        List<AuditEvent> drained() {
            List<AuditEvent> all = new ArrayList<>();
            events.drainTo(all);
            return all;
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }
}
