package dev.bulwark.data.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestCacheTest {
    @TempDir
    Path dir;
    Path data;
    Path cacheFile;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("unix"), "needs POSIX stat data");
        data = dir.resolve("people.csv");
        Files.writeString(data, "id,city\n1,Lyon\n2,Paris\n");
        cacheFile = dir.resolve("ledger.jsonl.digests");
    }

    @Test
    void anUnchangedFileIsNotHashedAgain() throws IOException {
        var cache = new DigestCache(cacheFile, 0);
        DatasetId first = cache.identify(data);
        assertThat(first).isEqualTo(DatasetId.of(data));
        assertThat(Files.readAllLines(cacheFile)).singleElement().asString().startsWith(first.sha256() + "\t");
        // a planted hash for the same stat data is what comes back: the file was not read
        plant("f".repeat(64));
        assertThat(cache.identify(data).sha256()).isEqualTo("f".repeat(64));
    }

    @Test
    void aChangedFileIsHashedAfreshEvenWithItsOldSizeAndModificationTime() throws IOException {
        var cache = new DigestCache(cacheFile, 0);
        cache.identify(data);
        plant("f".repeat(64));
        var mtime = Files.getLastModifiedTime(data);
        Files.writeString(data, "id,city\n1,Nice\n2,Paris\n"); // same length
        Files.setLastModifiedTime(data, mtime); // what `touch -r` would do; the ctime still moves
        DatasetId now = cache.identify(data);
        assertThat(now).isEqualTo(DatasetId.of(data));
        assertThat(now.sha256()).isNotEqualTo("f".repeat(64));
    }

    @Test
    void aFileChangedMomentsAgoIsNotRemembered() {
        var cache = new DigestCache(cacheFile);
        assertThat(cache.identify(data)).isEqualTo(DatasetId.of(data));
        assertThat(cacheFile).doesNotExist();
    }

    @Test
    void aBrokenCacheIsIgnored() throws IOException {
        Files.writeString(cacheFile, "garbage\n\tmore garbage\n");
        assertThat(new DigestCache(cacheFile, 0).identify(data)).isEqualTo(DatasetId.of(data));
    }

    private void plant(String sha256) throws IOException {
        List<String> lines = Files.readAllLines(cacheFile);
        Files.write(cacheFile, lines.stream().map(l -> sha256 + l.substring(64)).toList());
    }
}
