package dev.bulwark.guard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.bulwark.guard.config.AuditConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code audit.anchorWebhook}, every signed checkpoint's anchor reaches another system once it is on disk —
 * the final one on close too — and those receipts then catch a log cut short.
 */
class AnchorWebhookTest {
    @TempDir
    Path dir;
    HttpServer receiver;
    final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/receipts", exchange -> {
            received.add(new ObjectMapper().readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void every_checkpoint_is_posted_and_the_receipts_catch_a_cut_log() throws Exception {
        Path log = dir.resolve("audit.jsonl");
        URI webhook = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/receipts");
        var config = new AuditConfig(log, null, dir.resolve("audit-signing.pem"), AuditLogs.CHECKPOINT_EVERY,
                AuditConfig.TextMode.HASH, "gw-1", AuditConfig.Rotation.NEVER, webhook);
        try (var sink = ChainedAuditSink.jsonl(config)) {
            for (int i = 0; i < 23; i++) sink.append(AuditLogs.event(i));
        }
        // checkpoints at seq 6, 12, 18, 24 and the final one at 28 (closing waits for its anchor to go out)
        List<JsonNode> anchors = List.copyOf(received);
        assertThat(anchors).extracting(a -> a.get("seq").asLong()).containsExactly(6L, 12L, 18L, 24L, 28L);
        JsonNode last = anchors.getLast();
        assertThat(last.get("type").asText()).isEqualTo("audit-anchor");
        assertThat(last.get("instance").asText()).isEqualTo("gw-1");
        assertThat(last.get("store").asText()).isEqualTo("audit.jsonl");
        assertThat(last.get("anchor").asText()).isEqualTo("28:" + last.get("hash").asText());

        AuditKeys keys = AuditKeys.loadOrCreate(dir.resolve("audit-signing.pem"));
        var receipts = Anchors.parse(anchors.stream().map(a -> a.get("anchor").asText()).toList());
        assertThat(AuditVerifier.verify(log, keys.publicKey(), receipts).ok()).isTrue();
        List<String> lines = AuditLogs.lines(log);
        AuditLogs.writeLines(log, lines.subList(0, 24)); // the final checkpoint and what came before it cut off
        assertThat(AuditVerifier.verify(log, keys.publicKey()).ok()).isTrue();
        assertThat(AuditVerifier.verify(log, keys.publicKey(), receipts).firstProblem().orElseThrow().seq())
                .isEqualTo(28);
    }

    @Test
    void an_unreachable_webhook_costs_the_log_nothing() throws Exception {
        Path log = dir.resolve("audit.jsonl");
        receiver.stop(0);
        URI gone = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/receipts");
        var config = new AuditConfig(log, null, dir.resolve("audit-signing.pem"), AuditLogs.CHECKPOINT_EVERY,
                AuditConfig.TextMode.HASH, "gw-1", AuditConfig.Rotation.NEVER, gone);
        try (var sink = ChainedAuditSink.jsonl(config)) {
            for (int i = 0; i < 12; i++) sink.append(AuditLogs.event(i));
        }
        AuditKeys keys = AuditKeys.loadOrCreate(dir.resolve("audit-signing.pem"));
        VerifyResult r = AuditVerifier.verify(log, keys.publicKey());
        assertThat(r.ok()).isTrue();
        assertThat(r.instances().getFirst().events()).isEqualTo(12);
        assertThat(r.instances().getFirst().closed()).isTrue();
    }
}
