package dev.bulwark.guard.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.guard.config.AuditConfig.Rotation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A JSONL log file, one record per line, held under an exclusive lock while open (one writer per file). On open a
 * partial last line (a crash mid-write) is moved into {@code <file>.torn-<time>} and the records since the last
 * checkpoint of this instance are verified before the chain continues. With rotation on, a file that reached its
 * size is renamed to {@code <file>.<UTC time>} ({@link RotatedFiles}) and the chain goes on in a new {@code <file>};
 * an empty {@code <file>} beside rotated ones continues the chain of the newest of them.
 */
final class JsonlStore implements RecordStore {
    /** How far back the tail check reads at most, looking for this instance's last checkpoint. */
    static final long TAIL_BOUND = 64L << 20;
    private static final System.Logger LOG = System.getLogger(JsonlStore.class.getName());

    private final Path file;
    private final Rotation rotation;
    private final Clock clock;
    /** The UTC day the current file's records are from: a daily rotation starts a new file when it changes. */
    private LocalDate fileDay;
    private FileChannel channel;
    private FileLock lock;
    private long position;

    JsonlStore(Path file) {
        this(file, Rotation.NEVER);
    }

    JsonlStore(Path file, Rotation rotation) {
        this(file, rotation, Clock.systemUTC());
    }

    JsonlStore(Path file, Rotation rotation, Clock clock) {
        this.file = file;
        this.rotation = rotation;
        this.clock = clock;
    }

    @Override
    public Opened open(String instance, PublicKey key) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            Locked opened = openLocked();
            channel = opened.channel();
            lock = opened.lock();
            TornTail torn = moveTornTail();
            position = channel.size();
            // a file written before a restart is from the day it was last written, not from today
            fileDay = position == 0 ? today() : LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(),
                    ZoneOffset.UTC);
            if (position == 0) {
                ChainTail before = rotatedTail(instance, key);
                if (before != null) return new Opened(before, torn, true);
            }
            return new Opened(tail(channel, file, instance, key), torn, false);
        } catch (IOException e) {
            close();
            throw new AuditStoreException(file + ": cannot open the audit log: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private record Locked(FileChannel channel, FileLock lock) {
    }

    /** Opens (creating) {@code file} for reading and writing under an exclusive lock: one writer per file. */
    private Locked openLocked() throws IOException {
        // a new file gets mode 640 from the start: prompts and replies, even hashed, name clients and addresses
        FileChannel opened = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE), PrivateFiles.logFile(file));
        FileLock held;
        try {
            held = opened.tryLock();
        } catch (OverlappingFileLockException e) {
            held = null;
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
        if (held == null) {
            opened.close();
            throw new AuditStoreException(file + ": the audit log is in use by another writer");
        }
        return new Locked(opened, held);
    }

    /** A last line without its newline is a write a crash cut short: keep it in a file of its own, never drop it. */
    private TornTail moveTornTail() throws IOException {
        long size = channel.size();
        if (size == 0 || lastByte(size) == '\n') return null;
        long start = BackwardLines.lastNewlineBefore(channel, size) + 1;
        Path aside = file.resolveSibling(file.getFileName() + ".torn-" + RotatedFiles.STAMP.format(Instant.now()));
        MessageDigest sha = Hashes.newDigest();
        try (FileChannel out = FileChannel.open(aside, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PrivateFiles.logFile(aside))) {
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            for (long at = start; at < size; ) {
                buf.clear();
                int n = channel.read(buf, at);
                if (n < 0) break;
                buf.flip();
                sha.update(buf.duplicate());
                while (buf.hasRemaining()) out.write(buf);
                at += n;
            }
            out.force(true);
        }
        channel.truncate(start);
        channel.force(true);
        return new TornTail(aside.getFileName().toString(), size - start,
                Hashes.PREFIX + java.util.HexFormat.of().formatHex(sha.digest()));
    }

    private byte lastByte(long size) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        channel.read(one, size - 1);
        return one.get(0);
    }

    /**
     * Reads back to this instance's last-but-one checkpoint and verifies from there to the end: the last signed
     * segment whole, and whatever follows it.
     */
    private ChainTail tail(FileChannel log, Path where, String instance, PublicKey key) throws IOException {
        var back = new BackwardLines(log, log.size());
        List<byte[]> mine = new ArrayList<>();
        boolean reachedStart = true;
        int checkpoints = 0;
        for (byte[] line; (line = back.previous()) != null; ) {
            JsonNode n = parseOrNull(line);
            if (n == null) {
                throw new AuditStoreException(where + ": a line near the end is not an audit record; run "
                        + "'bulwark audit verify " + where + "' and move the file aside to start a new log");
            }
            if (instance.equals(n.path("instance").asText())) {
                mine.add(line);
                if ("checkpoint".equals(n.path("type").asText()) && ++checkpoints == 2) break;
            }
            if (back.bytesRead() > TAIL_BOUND) {
                reachedStart = false;
                break;
            }
        }
        if (mine.isEmpty()) {
            if (!reachedStart) {
                throw new AuditStoreException(where + ": no record of instance '" + instance + "' in the last "
                        + TAIL_BOUND + " bytes; give each instance its own log file");
            }
            return ChainTail.empty(instance);
        }
        Collections.reverse(mine);
        var checker = new ChainChecker(key, false);
        for (byte[] line : mine) checker.accept(0, line);
        if (!checker.ok()) {
            var p = checker.problems().get(0);
            throw new AuditStoreException(where + ": the end of the audit log does not verify (instance " + instance
                    + ", seq " + p.seq() + ": " + p.message() + "); run 'bulwark audit verify " + where
                    + "', keep the file as evidence and start a new log");
        }
        return checker.tail(instance);
    }

    /**
     * Where the chain stands at the end of the newest rotated file, for an empty {@code file} (just rotated, or
     * rotated and then the process stopped before writing): null when there is none or it holds no record of
     * {@code instance}.
     */
    private ChainTail rotatedTail(String instance, PublicKey key) throws IOException {
        List<Path> rotated = RotatedFiles.of(file);
        if (rotated.isEmpty()) return null;
        Path newest = rotated.getLast();
        try (FileChannel log = FileChannel.open(newest, StandardOpenOption.READ)) {
            ChainTail tail = tail(log, newest, instance, key);
            return tail.seq() == 0 ? null : tail;
        }
    }

    @Override
    public boolean full() {
        return rotation.maxBytes() > 0 && position >= rotation.maxBytes()
                || rotation.daily() && position > 0 && !today().equals(fileDay);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Renames the file to {@code <file>.<UTC time>} and continues in a new, locked {@code <file>}; then deletes the
     * oldest rotated files beyond {@code keepFiles}. The caller has ended the file with a checkpoint and synced it. If
     * the new file cannot be had, the rename is undone and writing goes on in the old one.
     */
    @Override
    public void rotate() throws IOException {
        Path rotated = RotatedFiles.nextName(file, clock.instant());
        // renamed while still open and locked: the open channel and its lock follow the file (POSIX)
        Files.move(file, rotated, StandardCopyOption.ATOMIC_MOVE);
        Locked next;
        try {
            next = openLocked();
        } catch (IOException | RuntimeException e) {
            Files.move(rotated, file, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        FileChannel old = channel;
        channel = next.channel();
        lock = next.lock();
        position = 0;
        fileDay = today();
        // from here on the rotation has happened: what fails now must not stop the new file's signed start
        try {
            old.close(); // releases its lock
            for (Path gone : RotatedFiles.prune(file, rotation.keepFiles())) {
                LOG.log(System.Logger.Level.INFO, "audit: deleted " + gone + " (keepFiles " + rotation.keepFiles() + ")");
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "audit: after rotating " + file + ": " + e.getMessage());
        }
    }

    private static JsonNode parseOrNull(byte[] line) {
        try {
            return RecordFormat.parse(line);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void write(List<ChainLine> lines) throws IOException {
        int size = 0;
        for (ChainLine l : lines) size += l.bytes().length + 1;
        ByteBuffer buf = ByteBuffer.allocate(size);
        for (ChainLine l : lines) buf.put(l.bytes()).put((byte) '\n');
        buf.flip();
        long start = position;
        try {
            while (buf.hasRemaining()) position += channel.write(buf, position);
        } catch (IOException e) {
            position = start;
            channel.truncate(start); // all or none: a retry must not leave half a batch behind
            throw e;
        }
    }

    @Override
    public void sync() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() {
        try {
            if (channel != null && channel.isOpen()) {
                channel.force(true);
                if (lock != null) lock.release();
                channel.close();
            }
        } catch (IOException e) {
            // closing after a failure: the writer already reported it
        }
    }

    @Override
    public String describe() {
        return file.toString();
    }
}
