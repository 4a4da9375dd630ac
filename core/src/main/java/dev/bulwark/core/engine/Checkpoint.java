package dev.bulwark.core.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The file behind {@code --resume}: {@code <out>/.bulwark-checkpoint.json} lists every finished (check, target) run
 * with its verdicts and findings (already masked), the scope's hash and pack, and the requests sent so far. It is
 * rewritten whole after each finished run, through a temporary file and an atomic move, so a crash leaves either
 * the previous or the next state, never half a file. A checkpoint made from another scope (hash) or pack is refused.
 */
public final class Checkpoint implements Journal {
    public static final String FILE_NAME = ".bulwark-checkpoint.json";
    static final String SCHEMA = "bulwark/checkpoint/v1";
    /** A checkpoint holds masked excerpts of a few hundred findings; anything far bigger is not ours. */
    static final long MAX_BYTES = 64L << 20;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

    private final Path file;
    private final String scopeHash;
    private final String pack;
    private final long previousRequests;
    private final LongSupplier sentNow;
    private final Map<String, Completed> done;

    private Checkpoint(Path file, String scopeHash, String pack, long previousRequests, LongSupplier sentNow,
                       Map<String, Completed> done) {
        this.file = file;
        this.scopeHash = scopeHash;
        this.pack = pack;
        this.previousRequests = previousRequests;
        this.sentNow = sentNow;
        this.done = done;
    }

    /** A fresh checkpoint in {@code outDir} (an existing one is replaced on the first finished run). */
    public static Checkpoint fresh(Path outDir, String scopeHash, String pack, LongSupplier sentNow) {
        return new Checkpoint(outDir.resolve(FILE_NAME), scopeHash, pack, 0, sentNow, new LinkedHashMap<>());
    }

    /**
     * The checkpoint in {@code outDir}, to continue.
     *
     * @throws CheckpointException when there is none, it cannot be read, or it belongs to another scope or pack
     */
    public static Checkpoint resume(Path outDir, String scopeHash, String pack, LongSupplier sentNow)
            throws CheckpointException {
        Path file = outDir.resolve(FILE_NAME);
        State state = read(file);
        if (!SCHEMA.equals(state.schema())) throw new CheckpointException(file + ": not a " + SCHEMA + " file");
        if (!scopeHash.equals(state.scopeHash())) {
            throw new CheckpointException(file + ": made from a different scope (the scope file or its probes changed"
                    + " since); start a new run without --resume");
        }
        if (!pack.equals(state.pack())) {
            throw new CheckpointException(file + ": made with --pack " + state.pack() + ", not " + pack
                    + "; resume with --pack " + state.pack() + " or start a new run");
        }
        Map<String, Completed> done = new LinkedHashMap<>();
        for (Completed c : state.runs()) {
            if (c == null || c.run() == null || c.run().check() == null || c.run().target() == null) {
                throw new CheckpointException(file + ": a run entry is incomplete");
            }
            done.put(key(c.run().check(), c.run().target()), c);
        }
        return new Checkpoint(file, scopeHash, pack, state.requests(), sentNow, done);
    }

    /** Deletes the checkpoint of {@code outDir}, if any: a complete run leaves nothing to resume. */
    public static void discard(Path outDir) throws IOException {
        Files.deleteIfExists(outDir.resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** How many runs are recorded. */
    public int size() {
        return done.size();
    }

    @Override
    public Optional<Completed> finished(String check, String target) {
        return Optional.ofNullable(done.get(key(check, target)));
    }

    @Override
    public synchronized void completed(Completed completed) {
        done.put(key(completed.run().check(), completed.run().target()), completed);
        write();
    }

    /** Rewrites the file so its request count includes work that was cut short (and is not itself recorded). */
    @Override
    public synchronized void ended() {
        write();
    }

    @Override
    public long previousRequests() {
        return previousRequests;
    }

    private void write() {
        State state = new State(SCHEMA, scopeHash, pack, previousRequests + sentNow.getAsLong(),
                new ArrayList<>(done.values()));
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".bulwark-checkpoint", ".tmp");
            try {
                Files.write(tmp, JSON.writeValueAsString(state).getBytes(StandardCharsets.UTF_8));
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    private static State read(Path file) throws CheckpointException {
        try {
            if (Files.size(file) > MAX_BYTES) throw new CheckpointException(file + ": larger than " + MAX_BYTES + " bytes");
            try (InputStream in = Files.newInputStream(file)) {
                JsonNode tree = JSON.readTree(in);
                if (tree == null || !tree.isObject()) throw new CheckpointException(file + ": not a checkpoint");
                State state = JSON.treeToValue(tree, State.class);
                if (state.runs() == null) throw new CheckpointException(file + ": runs: missing");
                return state;
            }
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file + ": no checkpoint to resume (run without --resume first)");
        } catch (JsonProcessingException e) {
            throw new CheckpointException(file + ": unreadable checkpoint: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot read: " + e.getMessage());
        }
    }

    /**
     * The hash a checkpoint is tied to: the scope file's bytes and every probe file of its probe folder (name and
     * bytes, in name order), so editing either makes an old checkpoint unusable.
     */
    public static String scopeHash(Path scopeFile, Optional<Path> probes) throws IOException {
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
        digest.update(Files.readAllBytes(scopeFile));
        if (probes.isPresent()) {
            try (var files = Files.list(probes.get())) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    digest.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                    digest.update(Files.readAllBytes(f));
                }
            }
        }
        return "sha256:" + java.util.HexFormat.of().formatHex(digest.digest());
    }

    private static String key(String check, String target) {
        return check + "\u0000" + target;
    }

    /** The file's content. */
    record State(String schema, String scopeHash, String pack, long requests, List<Completed> runs) {
    }
}
