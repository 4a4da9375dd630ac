package dev.bulwark.guard.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * POSTs one JSON document per alert to a webhook:
 * {@code {"type":"extraction-suspected","client","condition","value","threshold","window","at"}}. {@link #accept}
 * only queues (bounded; a full queue drops the alert and counts it), one request is in flight at a time on the
 * JDK's async client, each with a timeout; redirects are not followed (the webhook is the only host alerts go to).
 * The URL is never logged (webhook URLs often carry a token), only its host.
 */
public final class WebhookAlertSink implements AlertSink {
    private static final Logger LOG = System.getLogger(WebhookAlertSink.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int DEFAULT_QUEUE = 256;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final URI uri;
    private final Duration timeout;
    private final BlockingQueue<ExtractionAlert> queue;
    private final ExecutorService executor;
    private final HttpClient http;
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public WebhookAlertSink(URI uri, int queueCapacity, Duration timeout) {
        this.uri = Objects.requireNonNull(uri, "uri");
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("alerts.webhook must be an http(s) URL with a host");
        }
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bulwark-alert-webhook");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .executor(executor)
                .build();
    }

    public static WebhookAlertSink to(URI uri) {
        return new WebhookAlertSink(uri, DEFAULT_QUEUE, DEFAULT_TIMEOUT);
    }

    @Override
    public void accept(ExtractionAlert alert) {
        if (closed.get() || !queue.offer(alert)) {
            dropped.incrementAndGet();
            return;
        }
        if (sending.compareAndSet(false, true)) {
            try {
                executor.execute(this::sendNext);
            } catch (RejectedExecutionException closedMeanwhile) {
                dropped.addAndGet(queue.size());
                queue.clear();
            }
        }
    }

    /** Runs on the sink's own thread: sends the next queued alert, then chains the one after. */
    private void sendNext() {
        ExtractionAlert alert = queue.poll();
        if (alert == null) {
            sending.set(false);
            // an alert queued between poll() and set(false) must not wait for the next accept()
            if (!queue.isEmpty() && sending.compareAndSet(false, true)) {
                executor.execute(this::sendNext);
            }
            return;
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "bulwark-guard")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body(alert)))
                    .build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenCompleteAsync((response, error) -> {
                        record(error == null && response.statusCode() / 100 == 2,
                                error != null ? error.getClass().getSimpleName() : "HTTP " + response.statusCode());
                        sendNext();
                    }, executor);
        } catch (RuntimeException e) {
            record(false, e.getClass().getSimpleName());
            executor.execute(this::sendNext);
        }
    }

    private void record(boolean ok, String problem) {
        if (ok) {
            delivered.incrementAndGet();
            if (failing.compareAndSet(true, false)) {
                LOG.log(Level.INFO, () -> "alert webhook on " + uri.getHost() + " reachable again");
            }
            return;
        }
        failed.incrementAndGet();
        if (failing.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, () -> "alert webhook on " + uri.getHost() + " failed (" + problem
                    + "); alerts still go to the log");
        }
    }

    static byte[] body(ExtractionAlert alert) {
        ObjectNode doc = JSON.createObjectNode()
                .put("type", "extraction-suspected")
                .put("client", alert.client())
                .put("condition", alert.condition().label());
        number(doc, "value", alert.value());
        number(doc, "threshold", alert.threshold());
        doc.put("window", alert.window().toString()).put("at", alert.at().toString());
        try {
            return JSON.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    private static void number(ObjectNode doc, String field, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            doc.put(field, (long) v);
        } else {
            doc.put(field, Math.round(v * 10_000) / 10_000.0);
        }
    }

    /** Alerts the webhook accepted (2xx). */
    public long delivered() {
        return delivered.get();
    }

    /** Alerts dropped because the queue was full or the sink closed. */
    public long dropped() {
        return dropped.get();
    }

    /** Alerts sent but not accepted: connection error, timeout, non-2xx (redirects included). */
    public long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            dropped.addAndGet(queue.size());
            queue.clear();
            http.shutdownNow();
            executor.shutdownNow();
        }
    }
}
