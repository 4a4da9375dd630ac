package dev.bulwark.guard.webhook;

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
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * POSTs JSON documents to one webhook without ever making the caller wait: {@link #post} only queues (bounded; a
 * full queue drops the document and counts it), one request is in flight at a time on the JDK's async client, each
 * with a timeout; redirects are not followed (the webhook is the only host the documents go to). The URL is never
 * logged (webhook URLs often carry a token), only its host; a failing webhook is logged once, and once when it
 * answers again.
 */
public final class WebhookPoster implements AutoCloseable {
    private static final Logger LOG = System.getLogger(WebhookPoster.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final int DEFAULT_QUEUE = 256;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final URI uri;
    private final String setting;
    private final String whileFailing;
    private final Duration timeout;
    private final BlockingQueue<byte[]> queue;
    private final ExecutorService executor;
    private final HttpClient http;
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /**
     * @param setting      the guard.yaml field the URL comes from ({@code alerts.webhook}), naming the webhook in log
     *                     lines and in the error for a URL it cannot use
     * @param whileFailing what the failure log line adds (where the documents can still be found), or ""
     * @throws IllegalArgumentException when {@code uri} is not an http(s) URL with a host
     */
    public WebhookPoster(URI uri, String setting, String whileFailing, int queueCapacity, Duration timeout) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.setting = Objects.requireNonNull(setting, "setting");
        this.whileFailing = whileFailing.isEmpty() ? "" : "; " + whileFailing;
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(setting + " must be an http(s) URL with a host");
        }
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bulwark-webhook-" + setting);
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .executor(executor)
                .build();
    }

    /** Queues one JSON document; returns at once. */
    public void post(ObjectNode document) {
        try {
            post(JSON.writeValueAsBytes(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    private void post(byte[] json) {
        if (closed.get() || !queue.offer(json)) {
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

    /** Runs on the poster's own thread: sends the next queued document, then chains the one after. */
    private void sendNext() {
        byte[] json = queue.poll();
        if (json == null) {
            sending.set(false);
            // a document queued between poll() and set(false) must not wait for the next post()
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
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json))
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
                LOG.log(Level.INFO, () -> setting + " on " + uri.getHost() + " reachable again");
            }
            return;
        }
        failed.incrementAndGet();
        if (failing.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, () -> setting + " on " + uri.getHost() + " failed (" + problem + ")"
                    + whileFailing);
        }
    }

    /** Documents the webhook accepted (2xx). */
    public long delivered() {
        return delivered.get();
    }

    /** Documents dropped because the queue was full or the poster closed. */
    public long dropped() {
        return dropped.get();
    }

    /** Documents sent but not accepted: connection error, timeout, non-2xx (redirects included). */
    public long failed() {
        return failed.get();
    }

    /** Waits (at most {@code drain}) for what is queued to go out, then closes: a last document is not dropped. */
    public void drainAndClose(Duration drain) {
        long deadline = System.nanoTime() + drain.toNanos();
        while ((sending.get() || !queue.isEmpty()) && System.nanoTime() < deadline && !closed.get()) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
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
