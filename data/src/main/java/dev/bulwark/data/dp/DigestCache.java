package dev.bulwark.data.dp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Remembers the sha256 of dataset files beside the ledger, so a query on an unchanged file does not read it twice
 * (once to hash it, once to answer). A remembered hash is used only while the file's stat data is exactly what it
 * was when it was hashed: device, inode, size, modification time and status-change time, all to the nanosecond, the
 * way git's index trusts a file as unchanged. Writing the file changes its ctime, and ctime cannot be set back by
 * any tool short of the system clock, so an edited or replaced file is hashed afresh. A file changed within
 * {@link #SETTLE_NANOS} of its hashing is not remembered (on a file system with coarse timestamps two writes in one
 * tick look alike). Without the POSIX "unix" attributes (Windows) nothing is remembered. The cache is an
 * optimisation only: unreadable or unwritable, it is ignored.
 */
final class DigestCache {
    static final int MAX_ENTRIES = 256;
    static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long MAX_BYTES = 1 << 20;

    private final Path file;
    private final long settleNanos;

    DigestCache(Path file) {
        this(file, SETTLE_NANOS);
    }

    DigestCache(Path file, long settleNanos) {
        this.file = file;
        this.settleNanos = settleNanos;
    }

    /** The id of {@code data}: remembered when its stat data is unchanged, else hashed (and remembered). */
    DatasetId identify(Path data) {
        Optional<String> before = stat(data);
        String path = data.toAbsolutePath().normalize().toString();
        if (before.isPresent()) {
            String key = before.get() + '\t' + path;
            for (String line : lines()) {
                int tab = line.indexOf('\t');
                if (tab == 64 && line.substring(tab + 1).equals(key)) return new DatasetId(line.substring(0, tab), path);
            }
        }
        DatasetId id = DatasetId.of(data);
        Optional<String> after = stat(data);
        boolean oneLine = path.indexOf('\n') < 0 && path.indexOf('\r') < 0;
        if (oneLine && before.isPresent() && before.equals(after) && settled(data, settleNanos)) {
            remember(id.sha256() + '\t' + after.get() + '\t' + path, path);
        }
        return id;
    }

    /** "dev ino size mtime ctime", nanoseconds, or empty without the unix attributes. */
    private static Optional<String> stat(Path data) {
        try {
            Map<String, Object> a = Files.readAttributes(data, "unix:dev,ino,size,lastModifiedTime,ctime");
            return Optional.of(a.get("dev") + " " + a.get("ino") + " " + a.get("size") + " "
                    + nanos(a.get("lastModifiedTime")) + " " + nanos(a.get("ctime")));
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static long nanos(Object time) {
        return ((FileTime) time).to(TimeUnit.NANOSECONDS);
    }

    private static boolean settled(Path data, long settleNanos) {
        if (settleNanos <= 0) return true;
        try {
            Map<String, Object> a = Files.readAttributes(data, "unix:lastModifiedTime,ctime");
            // nanosecond clock: a millisecond one can read earlier than a timestamp written a moment ago
            java.time.Instant clock = java.time.Instant.now();
            long now = TimeUnit.SECONDS.toNanos(clock.getEpochSecond()) + clock.getNano();
            return now - nanos(a.get("lastModifiedTime")) >= settleNanos && now - nanos(a.get("ctime")) >= settleNanos;
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException | ClassCastException e) {
            return false;
        }
    }

    private List<String> lines() {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) return List.of();
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    /** Rewrites the cache with {@code entry} last, dropping older entries for the same path and the oldest ones. */
    private void remember(String entry, String path) {
        var kept = new ArrayList<String>();
        for (String line : lines()) {
            if (line.indexOf('\t') == 64 && !line.endsWith('\t' + path)) kept.add(line);
        }
        kept.add(entry);
        List<String> last = kept.subList(Math.max(0, kept.size() - MAX_ENTRIES), kept.size());
        Path temp = null;
        try {
            Path dir = file.toAbsolutePath().getParent();
            temp = Files.createTempFile(dir, ".digests", ".tmp");
            Files.write(temp, last, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // only an optimisation: the next query hashes the file again
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
    }
}
