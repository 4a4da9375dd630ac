package dev.bulwark.data.pseudo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulwark.data.table.DataInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One JSON line per {@code data reidentify} run, appended (never rewritten) to a JSONL file: who (the OS user),
 * when, which files, which columns, how many rows, which keyset and keys. Never a value. The line is written in one
 * {@code O_APPEND} write and forced to disk before the output appears.
 */
public record ReidentifyAudit(String who, Instant when, Path input, Path output, List<ColumnRule> columns, long rows,
                              String keysetId, int deriveKey) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code <keyset>.audit.jsonl}, next to the keyset. */
    public static Path defaultFile(Path keyset) {
        return keyset.resolveSibling(keyset.getFileName() + ".audit.jsonl");
    }

    /** The user running this process, as the OS reports it. */
    public static String osUser() {
        return System.getProperty("user.name", "unknown");
    }

    public static ReidentifyAudit now(Path input, Path output, List<ColumnRule> columns, long rows, PseudonymKeys keys,
                                      int deriveKey) {
        return new ReidentifyAudit(osUser(), Instant.now().truncatedTo(ChronoUnit.MILLIS), input, output, columns, rows,
                keys.keyset().id(), deriveKey);
    }

    String line() {
        ObjectNode o = JSON.createObjectNode();
        o.put("event", "reidentify").put("who", who).put("when", when.toString())
                .put("input", input.toAbsolutePath().normalize().toString())
                .put("output", output.toAbsolutePath().normalize().toString());
        var cols = o.putArray("columns");
        for (ColumnRule c : columns) cols.addObject().put("column", c.column()).put("method", c.method().label());
        o.put("rows", rows).put("keyset", keysetId);
        if (columns.stream().anyMatch(c -> c.method() == Method.FPE)) o.put("fpeKey", Integer.toUnsignedString(deriveKey));
        return o.toString() + "\n";
    }

    /** Appends the line to {@code file} (created when missing) and forces it to disk. */
    public void append(Path file) {
        byte[] bytes = line().getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        } catch (IOException e) {
            throw new DataInputException(file + ": cannot append the audit line (" + e.getClass().getSimpleName()
                    + "); nothing was reidentified");
        }
    }
}
