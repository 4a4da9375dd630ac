package dev.bulwark.supply.deps.osv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.UUID;

/**
 * One data source's folder, updated all-or-nothing. Each update is written into a fresh staging folder; when it is
 * complete and valid, the staging folder becomes a generation and the {@code CURRENT} file (replaced by an atomic
 * rename) points at it. Readers follow {@code CURRENT}, so they see either the old data or the new, never a mix,
 * and a failed update leaves nothing but a staging folder that the next update clears away.
 */
public final class GenerationStore {
    private static final String POINTER = "CURRENT";
    private static final String STAGING_PREFIX = ".staging-";
    private static final String GENERATION_PREFIX = "gen-";

    private final Path dir;

    GenerationStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The folder of the current generation, if an update ever completed. */
    public Optional<Path> current() {
        try {
            String name = Files.readString(dir.resolve(POINTER), StandardCharsets.UTF_8).strip();
            if (!name.startsWith(GENERATION_PREFIX) || name.contains("/") || name.contains("\\")) return Optional.empty();
            Path generation = dir.resolve(name);
            return Files.isDirectory(generation) ? Optional.of(generation) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty staging folder; pass it to {@link #commit} or {@link #discard}. */
    public Path stage() throws IOException {
        Files.createDirectories(dir);
        return Files.createDirectory(dir.resolve(STAGING_PREFIX + UUID.randomUUID()));
    }

    /** Makes a complete staging folder the current generation and removes older generations and stale staging. */
    public Path commit(Path staging) throws IOException {
        Path generation = dir.resolve(GENERATION_PREFIX + System.currentTimeMillis() + "-" + UUID.randomUUID().toString().substring(0, 8));
        Files.move(staging, generation, StandardCopyOption.ATOMIC_MOVE);
        Path pointerTmp = dir.resolve(POINTER + ".tmp-" + UUID.randomUUID());
        Files.writeString(pointerTmp, generation.getFileName().toString(), StandardCharsets.UTF_8);
        try {
            Files.move(pointerTmp, dir.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(pointerTmp, dir.resolve(POINTER), StandardCopyOption.REPLACE_EXISTING);
        }
        removeOthers(generation);
        return generation;
    }

    public void discard(Path staging) {
        deleteQuietly(staging);
    }

    /** Old generations are only deleted after the pointer moved; a reader still holding one keeps open files. */
    private void removeOthers(Path keep) {
        try (var children = Files.list(dir)) {
            children.filter(p -> !p.equals(keep))
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return n.startsWith(GENERATION_PREFIX) || n.startsWith(STAGING_PREFIX) || n.startsWith(POINTER + ".tmp-");
                    })
                    .forEach(GenerationStore::deleteQuietly);
        } catch (IOException ignored) {
            // Leftovers only cost disk space; the next update tries again.
        }
    }

    static void deleteQuietly(Path path) {
        try {
            if (!Files.exists(path)) return;
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
