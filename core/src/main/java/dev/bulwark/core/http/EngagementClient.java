package dev.bulwark.core.http;

import dev.bulwark.core.http.EngagementException.Reason;
import dev.bulwark.core.scope.PromptTarget;
import dev.bulwark.core.scope.RulesOfEngagement;
import dev.bulwark.core.scope.Scope;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engagement's only way to the network. Enforces the rules of engagement on every request: host allow-list
 * (redirects included: each hop is checked before it is sent), request budget, request rate, per-request timeout,
 * retries with back-off on transport errors and 429/502/503/504 (honouring {@code Retry-After}), a capped reply
 * body. Counts every request that left the machine. Thread-safe.
 *
 * <p>Order of the gates on each request, and why: stop and time window first (the user's word is final), then the
 * allow-list (nothing out of scope is ever sent, not even counted), then the budget (reserved atomically so
 * concurrent checks cannot overshoot), then the rate (waited in real time), and stop once more just before sending.
 *
 * <p>Throttling that outlasts the retries is an error, never a reply to judge: a 429 is not evidence of safety.
 * A 5xx that outlasts them is returned, because its body is what the verbose-errors probe reads.
 */
public final class EngagementClient implements AutoCloseable {
    /** Headers that carry credentials on any target. */
    private static final Set<String> STANDARD_CREDENTIAL_HEADERS =
            Set.of("authorization", "proxy-authorization", "cookie");

    private final RulesOfEngagement rules;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ExchangeListener listener;
    private final Set<String> credentialHeaders;
    private final Duration requestTimeout;
    private final RequestBudget budget;
    private final RatePacer pacer;
    private final RetryPolicy retry;
    private final Transport transport;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final AtomicLong sent = new AtomicLong();
    private final Set<Reason> refusals = ConcurrentHashMap.newKeySet();

    public EngagementClient(RulesOfEngagement rules) {
        this(builder(rules));
    }

    private EngagementClient(Builder b) {
        this.rules = b.rules;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.listener = b.listener;
        this.credentialHeaders = Set.copyOf(b.credentialHeaders);
        Duration t = rules.requestTimeout();
        this.requestTimeout = t == null || t.isZero() || t.isNegative() ? Builder.DEFAULT_TIMEOUT : t;
        this.budget = new RequestBudget(rules.maxRequests());
        this.pacer = new RatePacer(rules.maxRequestsPerSecond());
        this.retry = new RetryPolicy(b.backoffBase, b.maxRetryAfter);
        Duration connect = b.connectTimeout.compareTo(requestTimeout) < 0 ? b.connectTimeout : requestTimeout;
        this.transport = new Transport(connect, b.maxBodyBytes, b.trustedCertificates);
    }

    public static Builder builder(RulesOfEngagement rules) {
        return new Builder(rules);
    }

    /** A builder for the scope's rules that also treats every target's auth header as a credential. */
    public static Builder builder(Scope scope) {
        Builder b = new Builder(scope.rules());
        scope.targets().stream()
                .filter(PromptTarget.class::isInstance).map(PromptTarget.class::cast)
                .flatMap(t -> t.auth().stream())
                .forEach(a -> b.credentialHeaders.add(a.header().toLowerCase(Locale.ROOT)));
        return b.trustedCertificates(scope.trustedCertificates());
    }

    /** Sends one call, retrying as the rules allow. Never contacts a host outside the allow-list. */
    public HttpReply send(HttpCall call) throws EngagementException, InterruptedException {
        Objects.requireNonNull(call, "call");
        long start = System.nanoTime();
        int[] tries = {0};
        HttpCall current = call;
        for (int hop = 0; ; hop++) {
            Transport.Raw raw = sendRetrying(current, tries);
            HttpReply reply = new HttpReply(raw.status(), raw.headers(), raw.body(), raw.truncated(), current.uri(),
                    Duration.ofNanos(System.nanoTime() - start), tries[0]);
            if (!call.followRedirects() || !Redirects.isRedirect(raw.status())) return reply;
            Optional<HttpCall> next = Redirects.next(current, raw.status(), reply.header("Location"), credentialHeaders);
            if (next.isEmpty()) return reply;
            if (hop == Redirects.MAX_HOPS) {
                throw new EngagementException(Reason.TRANSPORT,
                        "more than " + Redirects.MAX_HOPS + " redirects, starting at " + call.uri());
            }
            current = next.get();
        }
    }

    /** Requests that actually went out (each retry and each redirect hop counts). */
    public long requestsSent() {
        return sent.get();
    }

    /** Requests the budget still allows. */
    public long remainingBudget() {
        return budget.remaining();
    }

    /**
     * True once a send was refused for {@code reason}. A refusal for the budget or a stop means some check's results
     * are partial, so the run is incomplete.
     */
    public boolean refused(Reason reason) {
        return refusals.contains(reason);
    }

    /**
     * The refusal a send would meet right now, if any: STOPPED (stopped, or outside the time window) or
     * BUDGET_EXHAUSTED. Lets the runner skip work that cannot happen, and say why.
     */
    public Optional<EngagementException> halted() {
        if (stopSignal.getCount() == 0) return Optional.of(new EngagementException(Reason.STOPPED, "engagement stopped"));
        Optional<String> window = outsideWindow();
        if (window.isPresent()) return Optional.of(new EngagementException(Reason.STOPPED, window.get()));
        if (budget.remaining() == 0) {
            return Optional.of(new EngagementException(Reason.BUDGET_EXHAUSTED, budgetMessage()));
        }
        return Optional.empty();
    }

    /** Stops all further sends: later and waiting calls fail with {@link EngagementException.Reason#STOPPED}. */
    public void stop() {
        stopSignal.countDown();
        transport.stop();
    }

    @Override
    public void close() {
        stop();
        transport.close();
    }

    private Transport.Raw sendRetrying(HttpCall call, int[] tries) throws EngagementException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Transport.Raw raw;
            try {
                raw = sendOnce(call, tries);
            } catch (IOException e) {
                // a certificate that is not trusted will not be trusted on the next try: no budget spent on it
                if (attempt > rules.maxRetries() || untrustedCertificate(e)) {
                    throw new EngagementException(Reason.TRANSPORT,
                            describe(e) + " (" + call.uri() + ", " + attempt + (attempt == 1 ? " try)" : " tries)"), e);
                }
                pause(retry.backoff(attempt));
                continue;
            }
            int status = raw.status();
            if (!RetryPolicy.retryable(status)) return raw;
            boolean throttled = RetryPolicy.throttling(status);
            if (throttled && !call.retryThrottled()) return raw;
            if (attempt > rules.maxRetries()) {
                if (status == 429) {
                    throw new EngagementException(Reason.TRANSPORT,
                            "throttled after " + attempt + " tries (" + call.uri() + ")");
                }
                return raw;
            }
            pause(throttled ? throttleWait(raw, call, attempt) : retry.backoff(attempt));
        }
    }

    private Duration throttleWait(Transport.Raw raw, HttpCall call, int attempt) throws EngagementException {
        Optional<String> header = raw.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Retry-After") && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0)).findFirst();
        Optional<Duration> asked = header.flatMap(h -> RetryPolicy.parseRetryAfter(h, clock.instant()));
        if (asked.isEmpty()) return retry.backoff(attempt);
        if (asked.get().compareTo(retry.maxRetryAfter()) > 0) {
            throw new EngagementException(Reason.TRANSPORT, "throttled, Retry-After too long ("
                    + asked.get().toSeconds() + " s > " + retry.maxRetryAfter().toSeconds() + " s) at " + call.uri());
        }
        return asked.get();
    }

    private Transport.Raw sendOnce(HttpCall call, int[] tries)
            throws EngagementException, IOException, InterruptedException {
        URI uri = call.uri();
        ensureRunning(uri);
        checkScope(uri);
        HttpRequest request = toRequest(call);
        if (!budget.tryReserve()) throw refuse(uri, Reason.BUDGET_EXHAUSTED, budgetMessage());
        boolean wentOut = false;
        try {
            if (!pacer.awaitSlot(stopSignal)) throw refuse(uri, Reason.STOPPED, "engagement stopped");
            ensureRunning(uri);
            wentOut = true;
            sent.incrementAndGet();
            tries[0]++;
            return exchange(call, request);
        } finally {
            if (!wentOut) budget.release();
        }
    }

    private Transport.Raw exchange(HttpCall call, HttpRequest request)
            throws EngagementException, IOException, InterruptedException {
        long t0 = System.nanoTime();
        try {
            Transport.Raw raw = transport.exchange(request, requestTimeout);
            tell(new Exchange(call.method(), call.uri(), raw.status(), raw.body().length, raw.truncated(),
                    Duration.ofNanos(System.nanoTime() - t0), ""));
            return raw;
        } catch (IOException e) {
            tell(new Exchange(call.method(), call.uri(), 0, 0, false, Duration.ofNanos(System.nanoTime() - t0),
                    describe(e)));
            throw e;
        } catch (CancellationException e) {
            refusals.add(Reason.STOPPED);
            throw new EngagementException(Reason.STOPPED, "engagement stopped while waiting for " + call.uri(), e);
        }
    }

    private void ensureRunning(URI uri) throws EngagementException {
        if (stopSignal.getCount() == 0) throw refuse(uri, Reason.STOPPED, "engagement stopped");
        Optional<String> window = outsideWindow();
        if (window.isPresent()) throw refuse(uri, Reason.STOPPED, window.get());
    }

    private Optional<String> outsideWindow() {
        Instant now = clock.instant();
        if (rules.notBefore() != null && now.isBefore(rules.notBefore())) {
            return Optional.of("the engagement window opens at " + rules.notBefore());
        }
        if (rules.notAfter() != null && now.isAfter(rules.notAfter())) {
            return Optional.of("the engagement window closed at " + rules.notAfter());
        }
        return Optional.empty();
    }

    private void checkScope(URI uri) throws EngagementException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refuse(uri, Reason.OUT_OF_SCOPE, "only http and https may be used, not '" + scheme + "'");
        }
        if (!rules.allows(uri.getHost())) {
            throw refuse(uri, Reason.OUT_OF_SCOPE, "host '" + uri.getHost() + "' is not in allowedHosts");
        }
    }

    /** Builds the JDK request; a header the JDK forbids (Host, Content-Length…) is a check bug and throws. */
    private HttpRequest toRequest(HttpCall call) {
        HttpRequest.Builder b = HttpRequest.newBuilder(call.uri()).timeout(requestTimeout);
        call.headers().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        HttpRequest.BodyPublisher body = call.body().length == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(call.body());
        return b.method(call.method(), body).build();
    }

    private void pause(Duration d) throws EngagementException, InterruptedException {
        sleeper.sleep(d, stopSignal);
        if (stopSignal.getCount() == 0) {
            refusals.add(Reason.STOPPED);
            throw new EngagementException(Reason.STOPPED, "engagement stopped");
        }
    }

    private String budgetMessage() {
        return "request budget of " + budget.max() + " is spent";
    }

    private EngagementException refuse(URI uri, Reason reason, String message) {
        refusals.add(reason);
        try {
            listener.refused(uri, reason, message);
        } catch (RuntimeException ignored) {
            // an observer must not change the engagement
        }
        return new EngagementException(reason, message);
    }

    private void tell(Exchange exchange) {
        try {
            listener.exchanged(exchange);
        } catch (RuntimeException ignored) {
            // an observer must not change the engagement
        }
    }

    private static String describe(IOException e) {
        if (e instanceof HttpTimeoutException) return "timed out: " + e.getMessage();
        if (untrustedCertificate(e)) {
            return "TLS: the server's certificate is not trusted or does not name this host (" + e.getMessage()
                    + "); an internal CA or a self-signed certificate goes in the scope's tls.trustedCertificates";
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    /** A TLS handshake that failed on the server's certificate (untrusted chain, wrong host name). */
    static boolean untrustedCertificate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertificateException) return true;
        }
        return false;
    }

    /** Settings beyond the rules of engagement; defaults suit a real engagement. */
    public static final class Builder {
        static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

        private final RulesOfEngagement rules;
        private final Set<String> credentialHeaders = new TreeSet<>(STANDARD_CREDENTIAL_HEADERS);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.real();
        private ExchangeListener listener = ExchangeListener.NONE;
        private int maxBodyBytes = 1 << 20;
        private Duration backoffBase = Duration.ofMillis(250);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private List<X509Certificate> trustedCertificates = List.of();

        private Builder(RulesOfEngagement rules) {
            this.rules = Objects.requireNonNull(rules, "rules");
        }

        /** Certificates trusted for https besides the system's (the scope's {@code tls.trustedCertificates}). */
        public Builder trustedCertificates(List<X509Certificate> value) {
            trustedCertificates = List.copyOf(value);
            return this;
        }

        /** The clock that decides whether the engagement's time window is open, and dates in Retry-After. */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder sleeper(Sleeper value) {
            sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        public Builder listener(ExchangeListener value) {
            listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /** Bytes of a reply body kept; the rest is discarded and the reply marked truncated. Default 1 MiB. */
        public Builder maxBodyBytes(int value) {
            if (value <= 0) throw new IllegalArgumentException("maxBodyBytes must be > 0, was " + value);
            maxBodyBytes = value;
            return this;
        }

        /** Extra headers that carry credentials (besides Authorization, Proxy-Authorization and Cookie). */
        public Builder credentialHeaders(Collection<String> names) {
            names.forEach(n -> credentialHeaders.add(n.toLowerCase(Locale.ROOT)));
            return this;
        }

        /** First back-off step; it doubles per retry (plus jitter), up to 10 s. Default 250 ms. */
        public Builder backoffBase(Duration value) {
            if (value.isNegative()) throw new IllegalArgumentException("backoffBase must not be negative");
            backoffBase = value;
            return this;
        }

        /** The longest Retry-After honoured; a longer one gives up with TRANSPORT. Default 60 s. */
        public Builder maxRetryAfter(Duration value) {
            if (value.isNegative()) throw new IllegalArgumentException("maxRetryAfter must not be negative");
            maxRetryAfter = value;
            return this;
        }

        /** Connect timeout, never longer than the rules' request timeout. Default 10 s. */
        public Builder connectTimeout(Duration value) {
            if (value.isNegative() || value.isZero()) throw new IllegalArgumentException("connectTimeout must be > 0");
            connectTimeout = value;
            return this;
        }

        public EngagementClient build() {
            return new EngagementClient(this);
        }
    }
}
