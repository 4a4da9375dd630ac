package dev.bulwark.guard.audit;

import dev.bulwark.guard.audit.VerifyResult.Kind;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Verifies an audit log against a trusted public key: per instance chain, every record's hash is recomputed from
 * its stored bytes, {@code prev} links and seq contiguity are checked (so removed, inserted, reordered and changed
 * records show), and every checkpoint signature is checked. Records after an instance's last checkpoint verify by
 * hash only and are reported as not yet covered by a signature. See docs/audit.md for what this proves.
 */
public final class AuditVerifier {
    private static final byte[] RECORD_START = "{\"v\":".getBytes(StandardCharsets.US_ASCII);

    private AuditVerifier() {
    }

    /**
     * Verifies a JSONL log file. For a live log ({@code audit.jsonl}) the files it was rotated into
     * ({@code audit.jsonl.<UTC time>}) are verified first, oldest first, as one chain with it: a whole rotated file
     * removed shows as missing records. A rotated file given by name is verified alone.
     */
    public static VerifyResult verify(Path file, PublicKey trusted) {
        return verify(file, trusted, Map.of());
    }

    /** {@link #verify(Path, PublicKey)}, and every anchor (seq → hash, noted outside the log) must be in it. */
    public static VerifyResult verify(Path file, PublicKey trusted, Map<Long, String> anchors) {
        if (!Files.exists(file)) throw new AuditFileException(file + ": no such file");
        if (!Files.isRegularFile(file)) throw new AuditFileException(file + ": not a regular file");
        List<Path> files = new ArrayList<>();
        try {
            if (!RotatedFiles.isRotated(file)) files.addAll(RotatedFiles.of(file));
        } catch (IOException e) {
            throw new AuditFileException(file + ": cannot list the files it was rotated into: " + e.getMessage(), e);
        }
        files.add(file);
        var checker = new ChainChecker(trusted, true).allowingSignedStart().expecting(anchors);
        for (Path f : files) {
            if (files.size() > 1) checker.readingFile(f.toString());
            try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16)) {
                // the live file may be empty just after a rotation
                read(f.toString(), in, checker, files.size() > 1 && f == file);
            } catch (NoSuchFileException e) {
                throw new AuditFileException(f + ": no such file", e);
            } catch (IOException e) {
                throw new AuditFileException(f + ": cannot read: " + e.getMessage(), e);
            }
        }
        String source = files.size() == 1 ? file.toString()
                : file + " and the " + (files.size() - 1) + " file(s) it was rotated into";
        return checker.result(source, "line", List.of());
    }

    /** Verifies JSONL read from {@code in}; {@code source} names it in messages. */
    public static VerifyResult verify(String source, InputStream in, PublicKey trusted) throws IOException {
        var checker = new ChainChecker(trusted, true);
        read(source, in, checker, false);
        return checker.result(source, "line", List.of());
    }

    private static void read(String source, InputStream in, ChainChecker checker, boolean mayBeEmpty)
            throws IOException {
        var lines = new LineReader(in, RecordFormat.MAX_LINE_BYTES);
        boolean looksLikeLog = false;
        long count = 0;
        for (LineReader.Line line; (line = lines.next()) != null; ) {
            count++;
            looksLikeLog |= startsWith(line.bytes(), RECORD_START);
            if (line.tooLong()) {
                checker.problem(line.number(), null, -1, Kind.MALFORMED, "longer than "
                        + RecordFormat.MAX_LINE_BYTES + " bytes: not a record this format writes");
            } else if (!line.terminated()) {
                checker.problem(line.number(), null, -1, Kind.INCOMPLETE, "the last line has no newline: a write "
                        + "cut short (the writer moves it aside when it restarts) or a truncated file");
            } else if (line.bytes().length == 0) {
                checker.problem(line.number(), null, -1, Kind.MALFORMED, "empty line");
            } else {
                checker.accept(line.number(), line.bytes());
            }
        }
        if (count == 0) {
            if (mayBeEmpty) return;
            throw new AuditFileException(source + ": empty, no audit records");
        }
        if (!looksLikeLog) {
            throw new AuditFileException(source + ": line 1: not a Bulwark audit log (no line starts with {\"v\":)");
        }
    }

    /** Verifies every instance chain in a PostgreSQL audit store. */
    public static VerifyResult verifyPostgres(String jdbcUrl, PublicKey trusted) {
        return verifyPostgres(jdbcUrl, trusted, Map.of());
    }

    /** {@link #verifyPostgres(String, PublicKey)}, and every anchor (seq → hash) must be in the store. */
    public static VerifyResult verifyPostgres(String jdbcUrl, PublicKey trusted, Map<Long, String> anchors) {
        var checker = new ChainChecker(trusted, true).expecting(anchors);
        String where = Jdbc.redacted(jdbcUrl);
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            c.setAutoCommit(false); // a cursor: rows stream in batches instead of loading the whole table
            c.setReadOnly(true);
            try (Statement st = c.createStatement()) {
                st.setFetchSize(500);
                try (ResultSet rs = st.executeQuery("SELECT id, instance, seq, prev, hash, record FROM "
                        + PostgresStore.TABLE + " ORDER BY instance, seq, id")) {
                    while (rs.next()) {
                        byte[] record = rs.getString(6).getBytes(StandardCharsets.UTF_8);
                        if (record.length > RecordFormat.MAX_LINE_BYTES) {
                            checker.problem(rs.getLong(1), rs.getString(2), rs.getLong(3), Kind.MALFORMED,
                                    "record longer than " + RecordFormat.MAX_LINE_BYTES + " bytes");
                            continue;
                        }
                        checker.accept(rs.getLong(1), record, new ChainChecker.Row(rs.getString(2), rs.getLong(3),
                                rs.getString(4), rs.getString(5)));
                    }
                }
            }
            c.rollback();
        } catch (SQLException e) {
            throw new AuditFileException(where + ": cannot read the audit store: " + e.getMessage(), e);
        }
        return checker.result(where, "row", List.of());
    }

    private static boolean startsWith(byte[] a, byte[] prefix) {
        if (a.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (a[i] != prefix[i]) return false;
        return true;
    }
}
