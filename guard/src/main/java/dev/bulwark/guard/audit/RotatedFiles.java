package dev.bulwark.guard.audit;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The files a JSONL audit log was rotated into: {@code FILE.<UTC time>} beside {@code FILE}, e.g.
 * {@code audit.jsonl.20261127T174012.345Z}. The time sorts as text, so name order is chain order.
 */
final class RotatedFiles {
    /** UTC time to the millisecond, as file name suffixes use it (rotated files, torn tails). */
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern SUFFIX = Pattern.compile("\\.\\d{8}T\\d{6}\\.\\d{3}Z");
    private static final Pattern ROTATED_NAME = Pattern.compile(".+" + SUFFIX.pattern());

    private RotatedFiles() {
    }

    /** The files {@code live} was rotated into, oldest first (empty when none, or when the folder is missing). */
    static List<Path> of(Path live) throws IOException {
        Path dir = live.toAbsolutePath().getParent();
        String name = live.getFileName().toString();
        List<Path> found = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) return found;
        // a filter, not a glob: the log's own name may hold glob characters
        DirectoryStream.Filter<Path> rotatedFromLive = p -> {
            String other = p.getFileName().toString();
            return other.startsWith(name) && SUFFIX.matcher(other.substring(name.length())).matches();
        };
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, rotatedFromLive)) {
            for (Path p : entries) if (Files.isRegularFile(p)) found.add(p);
        }
        found.sort(null);
        return found;
    }

    /** True when {@code file}'s name ends like a rotated file's. */
    static boolean isRotated(Path file) {
        return ROTATED_NAME.matcher(file.getFileName().toString()).matches();
    }

    /** A name for rotating {@code live} at {@code now} that no file has yet (a millisecond later while taken). */
    static Path nextName(Path live, Instant now) {
        Instant at = now;
        while (true) {
            Path candidate = live.resolveSibling(live.getFileName() + "." + STAMP.format(at));
            if (!Files.exists(candidate)) return candidate;
            at = at.plusMillis(1);
        }
    }

    /** Deletes the oldest rotated files of {@code live} beyond the newest {@code keep} (0: keeps all); returns them. */
    static List<Path> prune(Path live, int keep) throws IOException {
        List<Path> rotated = of(live);
        List<Path> deleted = new ArrayList<>();
        if (keep <= 0) return deleted;
        for (int i = 0; i < rotated.size() - keep; i++) {
            Files.deleteIfExists(rotated.get(i));
            deleted.add(rotated.get(i));
        }
        return deleted;
    }
}
