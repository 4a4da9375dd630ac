package dev.bulwark.guard.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A JSONL log file, one record per line, held under an exclusive lock while open (one writer per file). On open a
 * partial last line (a crash mid-write) is moved into {@code <file>.torn-<time>} and the records since the last
 * checkpoint of this instance are verified before the chain continues.
 */
final class JsonlStore implements RecordStore {
    /** How far back the tail check reads at most, looking for this instance's last checkpoint. */
    static final long TAIL_BOUND = 64L << 20;
    private static final DateTimeFormatter TORN_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path file;
    private FileChannel channel;
    private FileLock lock;
    private long position;

    JsonlStore(Path file) {
        this.file = file;
    }

    @Override
    public Opened open(String instance, PublicKey key) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) throw new AuditStoreException(file + ": the audit log is in use by another writer");
            TornTail torn = moveTornTail();
            position = channel.size();
            return new Opened(tail(instance, key), torn);
        } catch (IOException e) {
            close();
            throw new AuditStoreException(file + ": cannot open the audit log: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** A last line without its newline is a write a crash cut short: keep it in a file of its own, never drop it. */
    private TornTail moveTornTail() throws IOException {
        long size = channel.size();
        if (size == 0 || lastByte(size) == '\n') return null;
        long start = BackwardLines.lastNewlineBefore(channel, size) + 1;
        Path aside = file.resolveSibling(file.getFileName() + ".torn-" + TORN_TIME.format(Instant.now()));
        MessageDigest sha = Hashes.newDigest();
        try (FileChannel out = FileChannel.open(aside, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
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
    private ChainTail tail(String instance, PublicKey key) throws IOException {
        var back = new BackwardLines(channel, channel.size());
        List<byte[]> mine = new ArrayList<>();
        boolean reachedStart = true;
        int checkpoints = 0;
        for (byte[] line; (line = back.previous()) != null; ) {
            JsonNode n = parseOrNull(line);
            if (n == null) {
                throw new AuditStoreException(file + ": a line near the end is not an audit record; run "
                        + "'bulwark audit verify " + file + "' and move the file aside to start a new log");
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
                throw new AuditStoreException(file + ": no record of instance '" + instance + "' in the last "
                        + TAIL_BOUND + " bytes; give each instance its own log file");
            }
            return ChainTail.empty(instance);
        }
        Collections.reverse(mine);
        var checker = new ChainChecker(key, false);
        for (byte[] line : mine) checker.accept(0, line);
        if (!checker.ok()) {
            var p = checker.problems().get(0);
            throw new AuditStoreException(file + ": the end of the audit log does not verify (instance " + instance
                    + ", seq " + p.seq() + ": " + p.message() + "); run 'bulwark audit verify " + file
                    + "', keep the file as evidence and start a new log");
        }
        return checker.tail(instance);
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
