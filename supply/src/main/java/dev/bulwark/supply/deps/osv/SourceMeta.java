package dev.bulwark.supply.deps.osv;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an update recorded about the data it stored: where it came from, when, how many records, the sha256 of the
 * downloaded file. Written as {@code meta.json} into each generation.
 */
public record SourceMeta(String source, Instant updatedAt, long records, String sha256, long bytes) {
    static final String FILE = "meta.json";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SourceMeta {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(updatedAt, "updatedAt");
        sha256 = sha256 == null ? "" : sha256;
    }

    void writeTo(Path generation) throws IOException {
        var node = JSON.createObjectNode()
                .put("source", source).put("updatedAt", updatedAt.toString()).put("records", records)
                .put("sha256", sha256).put("bytes", bytes);
        Files.writeString(generation.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    }

    static Optional<SourceMeta> readFrom(Path generation) {
        try {
            var node = JSON.readTree(Files.readAllBytes(generation.resolve(FILE)));
            return Optional.of(new SourceMeta(node.path("source").asText(""), Instant.parse(node.path("updatedAt").asText()),
                    node.path("records").asLong(), node.path("sha256").asText(""), node.path("bytes").asLong()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
