package dev.bulwark.data.table;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes a table all-or-nothing: rows go to a temporary file next to the output, and only {@link #commit} moves it
 * into place (atomically where the file system can), so an interrupted run never leaves a half-written output.
 * Closing without committing deletes the temporary file. The format follows the output's extension
 * ({@link DataFormat#forOutput}); Parquet is written by DuckDB from a temporary CSV.
 */
public final class RowWriter implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();
    private final Path out;
    private final DataFormat format;
    private final List<String> columns;
    private final Path temp;
    private final Writer text;
    private final JsonGenerator json;
    private long rows;
    private boolean done;

    private RowWriter(Path out, List<String> columns) throws IOException {
        this.out = out.toAbsolutePath();
        this.format = DataFormat.forOutput(out);
        this.columns = List.copyOf(columns);
        Path dir = this.out.getParent();
        Files.createDirectories(dir);
        this.temp = Files.createTempFile(dir, "." + this.out.getFileName() + ".", ".part");
        this.text = new BufferedWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8), 1 << 16);
        if (format == DataFormat.JSON || format == DataFormat.JSONL) {
            json = JSON.createGenerator(text);
            json.setRootValueSeparator(null);
            if (format == DataFormat.JSON) json.writeStartArray();
        } else {
            json = null;
            writeDelimited(this.columns.toArray(String[]::new));
        }
    }

    /** A writer for {@code out} with these columns; nothing appears at {@code out} before {@link #commit}. */
    public static RowWriter create(Path out, List<String> columns) {
        try {
            return new RowWriter(out, columns);
        } catch (IOException e) {
            throw new DataInputException(out + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** One row, {@code columns.size()} values ({@code null} for a missing value). */
    public void write(String[] row) {
        if (row.length != columns.size()) {
            throw new IllegalArgumentException("row has " + row.length + " values for " + columns.size() + " columns");
        }
        try {
            if (json != null) {
                json.writeStartObject();
                for (int c = 0; c < row.length; c++) {
                    json.writeFieldName(columns.get(c));
                    if (row[c] == null) json.writeNull();
                    else json.writeString(row[c]);
                }
                json.writeEndObject();
                if (format == DataFormat.JSONL) json.writeRaw('\n');
            } else {
                writeDelimited(row);
            }
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temp, e);
        }
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    /** Finishes the file and moves it to the output path; the output appears whole or not at all. */
    public void commit() {
        try {
            if (json != null) {
                if (format == DataFormat.JSON) json.writeEndArray();
                json.close();
            }
            text.close();
            Path finished = temp;
            if (format == DataFormat.PARQUET) finished = toParquet(temp);
            move(finished, out);
            done = true;
            if (finished != temp) Files.deleteIfExists(temp);
        } catch (IOException e) {
            throw new DataInputException(out + ": cannot write: " + e.getMessage(), e);
        }
    }

    private Path toParquet(Path csv) throws IOException {
        Path parquet = Files.createTempFile(out.getParent(), "." + out.getFileName() + ".", ".parquet.part");
        try (var connection = Tables.connect();
             var copy = connection.prepareStatement("COPY (SELECT * FROM read_csv(?, header = true, all_varchar = true,"
                     + " strict_mode = true, delim = ',', quote = '\"', escape = '\"')) TO '"
                     + parquet.toString().replace("'", "''") + "' (FORMAT parquet)")) {
            copy.setString(1, csv.toString());
            copy.execute();
            return parquet;
        } catch (SQLException e) {
            Files.deleteIfExists(parquet);
            throw new IOException("DuckDB could not write Parquet: " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void writeDelimited(String[] values) throws IOException {
        char separator = format == DataFormat.TSV ? '\t' : ',';
        for (int c = 0; c < values.length; c++) {
            if (c > 0) text.write(separator);
            if (values[c] != null) writeField(values[c], separator);
        }
        text.write('\n');
    }

    /** RFC 4180: quoted when it holds the separator, a quote or a line break; quotes doubled. */
    private void writeField(String value, char separator) throws IOException {
        boolean quote = value.isEmpty() && format == DataFormat.CSV;
        for (int i = 0; i < value.length() && !quote; i++) {
            char ch = value.charAt(i);
            quote = ch == separator || ch == '"' || ch == '\n' || ch == '\r';
        }
        if (!quote) {
            text.write(value);
            return;
        }
        text.write('"');
        text.write(value.replace("\"", "\"\""));
        text.write('"');
    }

    /** Without {@link #commit}: deletes the temporary file; the output path is left as it was. */
    @Override
    public void close() {
        if (done) return;
        try {
            if (json != null) json.close();
            text.close();
        } catch (IOException ignored) {
            // the partial file is deleted next; nothing of it is kept
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a leftover hidden .part file is harmless and named as such
        }
    }
}
