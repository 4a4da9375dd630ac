package dev.bulwark.guard.config;

import dev.bulwark.core.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

class KeysFileTest {
    private static final Instant NOW = Instant.parse("2025-03-01T10:15:30.123Z");

    @TempDir
    Path dir;

    KeysFile keys() {
        return KeysFile.at(dir.resolve("guard-keys.jsonl"));
    }

    @Test
    void addListRemoveRoundTrip() throws Exception {
        KeysFile keys = keys();
        assertThat(keys.list()).as("a missing file holds no keys").isEmpty();
        KeysFile.IssuedKey a = keys.add("support-app", List.of("chat"), NOW);
        KeysFile.IssuedKey b = keys.add("indexer", List.of("embeddings", "chat"), NOW);
        assertThat(keys.list()).containsExactly(a.entry(), b.entry());
        assertThat(a.entry()).isEqualTo(new KeysFile.Entry("support-app", ApiKeys.sha256Hex(a.key()), List.of("chat"),
                Instant.parse("2025-03-01T10:15:30Z")));
        assertThat(keys.remove("support-app")).isTrue();
        assertThat(keys.remove("support-app")).isFalse();
        assertThat(keys.list()).containsExactly(b.entry());
    }

    @Test
    void onlyTheHashIsStored() throws Exception {
        KeysFile.IssuedKey issued = keys().add("app", List.of("chat"), NOW);
        String stored = Files.readString(keys().path());
        assertThat(stored).doesNotContain(issued.key()).doesNotContain(issued.key().substring(4, 20));
        assertThat(stored).isEqualTo("{\"id\":\"app\",\"keySha256\":\"" + ApiKeys.sha256Hex(issued.key())
                + "\",\"roles\":[\"chat\"],\"created\":\"2025-03-01T10:15:30Z\"}\n");
        assertThat(issued.toString()).doesNotContain(issued.key());
    }

    @Test
    void keysAreLongRandomAndPrefixed() {
        String k1 = ApiKeys.generate();
        String k2 = ApiKeys.generate();
        assertThat(k1).startsWith("bwk_").hasSize(4 + 43).matches("bwk_[A-Za-z0-9_-]{43}");
        assertThat(k1).isNotEqualTo(k2);
        assertThat(ApiKeys.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void duplicateNamesAreRefused() throws Exception {
        keys().add("app", List.of("chat"), NOW);
        String before = Files.readString(keys().path());
        assertThatThrownBy(() -> keys().add("app", List.of("chat"), NOW))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.problem()).contains("a key named 'app' already exists");
                });
        assertThat(Files.readString(keys().path())).isEqualTo(before);
    }

    @Test
    void badNamesAreRefused() {
        assertThatThrownBy(() -> keys().add("../etc", List.of("chat"), NOW)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not a valid name");
        assertThatThrownBy(() -> keys().add("ok", List.of(), NOW)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("at least one role");
        assertThat(keys().path()).doesNotExist();
    }

    @Test
    void fileIsOwnerOnly() throws Exception {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        keys().add("app", List.of("chat"), NOW);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys().path()))).isEqualTo("rw-------");
        keys().add("app2", List.of("chat"), NOW);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys().path()))).isEqualTo("rw-------");
    }

    @Test
    void aFailedWriteLeavesTheOldFileWholeAndNoTemporaryFile() throws Exception {
        keys().add("app", List.of("chat"), NOW);
        byte[] before = Files.readAllBytes(keys().path());
        assertThatThrownBy(() -> OwnerOnlyFiles.replace(keys().path(), out -> {
            out.write("{\"id\":\"half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readAllBytes(keys().path())).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("guard-keys.jsonl",
                    "guard-keys.jsonl.lock");
        }
    }

    @Test
    void anUnreadableFileIsNeverOverwritten() throws Exception {
        Files.writeString(keys().path(), "{\"id\":\"a\",\"keySha256\":\"" + "1".repeat(64) + "\",\"roles\":[\"chat\"],"
                + "\"created\":\"2025-01-01T00:00:00Z\"}\nnot json\n");
        String before = Files.readString(keys().path());
        assertThatThrownBy(() -> keys().add("b", List.of("chat"), NOW))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.problem()).startsWith("not a JSON object");
                });
        assertThatThrownBy(() -> keys().remove("a")).isInstanceOf(ConfigException.class);
        assertThat(Files.readString(keys().path())).isEqualTo(before);
    }

    @Test
    void strictLines() throws Exception {
        String ok = "{\"id\":\"a\",\"keySha256\":\"" + "1".repeat(64) + "\",\"roles\":[\"chat\"],\"created\":\"2025-01-01T00:00:00Z\"}";
        Files.writeString(keys().path(), ok.replace("\"created\"", "\"key\":\"bwk_x\",\"created\""));
        assertThatThrownBy(() -> keys().list()).hasMessageContaining(":1: key: unknown field");
        Files.writeString(keys().path(), ok + "\n" + ok + "\n");
        assertThatThrownBy(() -> keys().list()).hasMessageContaining(":2: id: a second key named 'a'");
        Files.writeString(keys().path(), ok.replace("2025-01-01T00:00:00Z", "yesterday"));
        assertThatThrownBy(() -> keys().list()).hasMessageContaining(":1: created: not an ISO-8601 instant");
        Files.write(keys().path(), new byte[] {'{', (byte) 0xff, '}'});
        assertThatThrownBy(() -> keys().list()).hasMessageContaining("not UTF-8");
    }
}
