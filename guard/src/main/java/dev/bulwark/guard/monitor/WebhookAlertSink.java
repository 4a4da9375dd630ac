package dev.bulwark.guard.monitor;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.webhook.WebhookPoster;
import java.net.URI;
import java.time.Duration;

/**
 * POSTs one JSON document per alert to a webhook:
 * {@code {"type":"extraction-suspected","client","condition","value","threshold","window","at"}}, through a
 * {@link WebhookPoster} (bounded queue, one request at a time, timeout, no redirects, the URL never logged).
 */
public final class WebhookAlertSink implements AlertSink {
    static final int DEFAULT_QUEUE = WebhookPoster.DEFAULT_QUEUE;
    static final Duration DEFAULT_TIMEOUT = WebhookPoster.DEFAULT_TIMEOUT;

    private final WebhookPoster poster;

    public WebhookAlertSink(URI uri, int queueCapacity, Duration timeout) {
        this.poster = new WebhookPoster(uri, "alerts.webhook", "alerts still go to the log", queueCapacity, timeout);
    }

    public static WebhookAlertSink to(URI uri) {
        return new WebhookAlertSink(uri, DEFAULT_QUEUE, DEFAULT_TIMEOUT);
    }

    @Override
    public void accept(ExtractionAlert alert) {
        poster.post(body(alert));
    }

    static ObjectNode body(ExtractionAlert alert) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode()
                .put("type", "extraction-suspected")
                .put("client", alert.client())
                .put("condition", alert.condition().label());
        number(doc, "value", alert.value());
        number(doc, "threshold", alert.threshold());
        return doc.put("window", alert.window().toString()).put("at", alert.at().toString());
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
        return poster.delivered();
    }

    /** Alerts dropped because the queue was full or the sink closed. */
    public long dropped() {
        return poster.dropped();
    }

    /** Alerts sent but not accepted: connection error, timeout, non-2xx (redirects included). */
    public long failed() {
        return poster.failed();
    }

    @Override
    public void close() {
        poster.close();
    }
}
