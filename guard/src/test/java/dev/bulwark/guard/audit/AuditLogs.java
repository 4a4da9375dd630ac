package dev.bulwark.guard.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.guard.pipeline.AuditEvent;
import dev.bulwark.guard.pipeline.Decision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test fixtures: events, logs written through the real sink, and a tamperer that rewrites lines. */
final class AuditLogs {
    static final int CHECKPOINT_EVERY = 5;

    private AuditLogs() {
    }

    static AuditEvent event(int i) {
        return new AuditEvent(Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i), "req-" + i, "support-app",
                "127.0.0.1", "/v1/chat/completions", "gpt-test", "main", 200, i % 3 == 0 ? "blocked" : "allowed",
                List.of(new Decision("input", "injection", "flagged", 0.25 + i / 1000.0, 1, "rule:ignore-previous")),
                10 + i, 20 + i, 3, i % 2 == 0, "hmac-sha256:" + "ab".repeat(32), "ünïcode \"quoted\" \n line " + i);
    }

    /** Writes {@code events} events to {@code file} with the sink, closing it (final checkpoint). */
    static void write(Path file, AuditKeys keys, String instance, int from, int events) {
        try (var sink = ChainedAuditSink.jsonl(file, instance, keys, CHECKPOINT_EVERY, 10_000)) {
            for (int i = from; i < from + events; i++) sink.append(event(i));
        }
    }

    static List<String> lines(Path file) throws IOException {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static void writeLines(Path file, List<String> lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * A record rewritten the way a careful forger would: fields changed, {@code prev} set, hash recomputed.
     * The signature of a checkpoint is kept as it was (the forger has no private key).
     */
    static String reseal(String line, String prev, java.util.function.Consumer<ObjectNode> change) throws IOException {
        ObjectNode n = (ObjectNode) RecordFormat.parse(line.getBytes(StandardCharsets.UTF_8));
        n.remove("hash");
        n.put("prev", prev);
        if (n.has("covers")) n.put("covers", prev);
        change.accept(n);
        byte[] body = RecordFormat.canonical(n);
        return new String(RecordFormat.seal(body, Hashes.sha256(body)), StandardCharsets.UTF_8);
    }

    static String hashOf(String line) throws IOException {
        return RecordFormat.parse(line.getBytes(StandardCharsets.UTF_8)).get("hash").asText();
    }
}
