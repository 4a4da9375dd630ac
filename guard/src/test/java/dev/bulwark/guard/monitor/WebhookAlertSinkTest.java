package dev.bulwark.guard.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.bulwark.guard.config.AlertsConfig;
import dev.bulwark.guard.config.ExtractionPolicy;
import dev.bulwark.guard.config.ExtractionPolicy.ExtractionAction;
import dev.bulwark.guard.config.StateConfig;
import dev.bulwark.guard.pipeline.ExtractionMonitor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookAlertSinkTest {
    private static final Instant AT = Instant.parse("2025-03-01T09:00:00Z");
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final AtomicInteger redirectTargetHits = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", ex -> {
            received.add(ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(ex.getRequestBody().readAllBytes()));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.createContext("/moved", ex -> {
            ex.getResponseHeaders().add("Location", "/elsewhere");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.createContext("/elsewhere", ex -> {
            redirectTargetHits.incrementAndGet();
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.createContext("/slow", ex -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void theMonitorPostsOneJsonDocumentPerAlert() throws Exception {
        ExtractionPolicy p = new ExtractionPolicy(true, Duration.ofHours(1), 3, 0.0, 20, 1.0, ExtractionAction.THROTTLE);
        try (ExtractionMonitor m = Monitors.from(p, new StateConfig(StateConfig.Backend.MEMORY, null),
                new AlertsConfig(url("/hook")))) {
            for (int i = 0; i < 10; i++) {
                Traffic.await(m, Traffic.caller("support-app"), "Where is my parcel number " + i + "?", AT);
            }
            String post = received.poll(10, TimeUnit.SECONDS);
            assertThat(post).startsWith("POST application/json {");
            JsonNode doc = new ObjectMapper().readTree(post.substring(post.indexOf('{')));
            assertThat(doc.get("type").asText()).isEqualTo("extraction-suspected");
            assertThat(doc.get("client").asText()).isEqualTo("support-app");
            assertThat(doc.get("condition").asText()).isEqualTo("volume");
            assertThat(doc.get("value").asLong()).isEqualTo(4);
            assertThat(doc.get("threshold").asLong()).isEqualTo(3);
            assertThat(doc.get("window").asText()).isEqualTo("PT1H");
            assertThat(doc.get("at").asText()).isEqualTo("2025-03-01T09:00:00Z");
            assertThat(doc.size()).isEqualTo(7);
            assertThat(received.poll(300, TimeUnit.MILLISECONDS)).as("one alert per window").isNull();
        }
    }

    @Test
    void redirectsAreNotFollowedAndCountAsFailures() throws Exception {
        try (WebhookAlertSink sink = WebhookAlertSink.to(url("/moved"))) {
            sink.accept(alert());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (sink.failed() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(sink.failed()).isEqualTo(1);
            assertThat(sink.delivered()).isZero();
            assertThat(redirectTargetHits).hasValue(0);
        }
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() throws Exception {
        try (WebhookAlertSink sink = new WebhookAlertSink(url("/slow"), 1, Duration.ofSeconds(10))) {
            for (int i = 0; i < 6; i++) {
                sink.accept(alert()); // returns at once even though the webhook hangs
            }
            assertThat(sink.dropped()).isBetween(4L, 5L);
            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (sink.delivered() + sink.dropped() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(sink.delivered() + sink.dropped()).isEqualTo(6);
            assertThat(sink.failed()).isZero();
        }
    }

    @Test
    void theDocumentCarriesNumbersNotText() throws Exception {
        ExtractionAlert a = new ExtractionAlert("bot", Condition.LOW_DIVERSITY, 0.123456789, 0.3, Duration.ofMinutes(10), AT);
        JsonNode doc = new ObjectMapper().readTree(new ObjectMapper().writeValueAsBytes(WebhookAlertSink.body(a)));
        assertThat(doc.get("condition").asText()).isEqualTo("low-diversity");
        assertThat(doc.get("value").asDouble()).isEqualTo(0.1235);
        assertThat(doc.get("threshold").asDouble()).isEqualTo(0.3);
        assertThat(doc.get("window").asText()).isEqualTo("PT10M");
    }

    private static ExtractionAlert alert() {
        return new ExtractionAlert("c", Condition.VOLUME, 11, 10, Duration.ofHours(1), AT);
    }
}
