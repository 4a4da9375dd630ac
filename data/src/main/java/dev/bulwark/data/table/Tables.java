package dev.bulwark.data.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens datasets through DuckDB's embedded engine (JDBC, in memory, nothing written to disk): CSV / TSV, JSON
 * arrays of records, JSON Lines and Parquet, every value read as text. DuckDB parses and checks the files (a
 * ragged CSV row is an error, never a silently shifted column); its errors become {@link DataInputException}s that
 * name the file and the line.
 */
public final class Tables {
    /** JSON nested deeper than this is refused rather than walked. */
    static final int MAX_JSON_DEPTH = 32;
    private static final Pattern LINE = Pattern.compile("(?i)\\bline:?\\s*(\\d{1,12})");

    private Tables() {
    }

    /** Every row of {@code file}. */
    public static RowReader open(Path file) {
        return open(file, Long.MAX_VALUE);
    }

    /** The first {@code limit} rows of {@code file} (all of them when it holds fewer). */
    public static RowReader open(Path file, long limit) {
        return open(file, formatOf(file), limit);
    }

    /** A file's format from its first bytes, or a {@link DataInputException} naming the file. */
    static DataFormat formatOf(Path file) {
        if (!Files.isRegularFile(file)) throw new DataInputException(file + ": no such file");
        try {
            return DataFormat.sniff(file);
        } catch (IOException e) {
            throw new DataInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** A fresh connection and the column names {@code select} (one parameter: the path) yields. */
    record Probed(Connection connection, List<String> columns) {
    }

    /**
     * Opens a connection and reads the column names of {@code select} without reading rows: what every reader of a
     * file starts with. The connection is closed again if anything fails; the caller owns it otherwise.
     */
    static Probed probe(Path file, DataFormat format, String select) {
        Connection connection = null;
        try {
            connection = connect();
            try (PreparedStatement head = connection.prepareStatement("SELECT * FROM (" + select + ") LIMIT 0")) {
                head.setString(1, file.toString());
                try (ResultSet none = head.executeQuery()) {
                    return new Probed(connection, columns(none));
                }
            }
        } catch (SQLException e) {
            closeQuietly(connection);
            throw problem(file, format, e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** The error for a column name the file does not have, listing the ones it has. */
    static DataInputException noSuchColumn(Path file, String column, List<String> columns) {
        return new DataInputException(file + ": no column \"" + column + "\" (columns: " + String.join(", ", columns) + ")");
    }

    static RowReader open(Path file, DataFormat format, long limit) {
        String text = "SELECT COLUMNS(*)::VARCHAR FROM " + source(file, format)
                + (limit < Long.MAX_VALUE ? " LIMIT " + Math.max(0, limit) : "");
        Probed probed = probe(file, format, text);
        try {
            PreparedStatement statement = probed.connection().prepareStatement(
                    "SELECT " + packed(probed.columns()) + " FROM (" + text + ")");
            statement.setString(1, file.toString());
            ResultSet rows = statement.executeQuery();
            return new DuckDbRowReader(file, format, probed.connection(), statement, rows, probed.columns());
        } catch (SQLException e) {
            closeQuietly(probed.connection());
            throw problem(file, format, e);
        }
    }

    /**
     * One text value per row holding every cell, each as "LENGTH:VALUE" (length in code points) or "-" when missing:
     * one JDBC string per row instead of one per cell, which is most of the cost of reading a wide table.
     */
    static String packed(List<String> names) {
        var sql = new StringBuilder();
        for (String name : names) {
            String column = '"' + name.replace("\"", "\"\"") + '"';
            if (!sql.isEmpty()) sql.append(" || ");
            sql.append("coalesce(length(").append(column).append(")::VARCHAR || ':' || ").append(column).append(", '-')");
        }
        return sql.toString();
    }

    /** Splits a {@link #packed} value into {@code count} cells. */
    static String[] unpack(String packed, int count) {
        String[] row = new String[count];
        int at = 0;
        for (int c = 0; c < count; c++) {
            if (packed.charAt(at) == '-') {
                at++;
                continue;
            }
            int colon = packed.indexOf(':', at);
            int length = Integer.parseInt(packed, at, colon, 10);
            int end = packed.offsetByCodePoints(colon + 1, length);
            row[c] = packed.substring(colon + 1, end);
            at = end;
        }
        return row;
    }

    /**
     * Starts opening DuckDB on a background thread, for a command that is about to read a table: the open then
     * overlaps the rest of the process's start instead of following it.
     */
    public static void openEarly() {
        EarlyConnection.start();
    }

    /** A fresh in-memory DuckDB: result rows streamed, not materialised, and its memory held to a bound. */
    static Connection connect() throws SQLException {
        Optional<Connection> early = EarlyConnection.take();
        return early.isPresent() ? early.get() : openConnection();
    }

    static Connection openConnection() throws SQLException {
        var properties = new Properties();
        properties.setProperty("jdbc_stream_results", "true");
        Connection connection = DriverManager.getConnection("jdbc:duckdb:", properties);
        try (var setup = connection.createStatement()) {
            setup.execute("SET memory_limit = '2GB'");
            // offline by design: never fetch an extension from the network (JSON and Parquet are built in)
            setup.execute("SET autoinstall_known_extensions = false");
        }
        return connection;
    }

    /** The table function reading {@code file}; its one parameter is the path. */
    static String source(Path file, DataFormat format) {
        return switch (format) {
            // strict, columns given: a row with more or fewer fields than the header is an error naming its line,
            // never a padded or shifted row
            case CSV -> "read_csv(?, header = true, auto_detect = false, strict_mode = true, delim = ',',"
                    + " quote = '\"', escape = '\"', null_padding = false, columns = "
                    + CsvHeader.columnsArgument(CsvHeader.read(file, ',')) + ")";
            case TSV -> "read_csv(?, header = true, auto_detect = false, strict_mode = true, delim = '\\t',"
                    + " quote = '\"', escape = '\"', null_padding = false, columns = "
                    + CsvHeader.columnsArgument(CsvHeader.read(file, '\t')) + ")";
            case JSON -> "read_json(?, format = 'array', maximum_depth = " + MAX_JSON_DEPTH + ")";
            case JSONL -> "read_json(?, format = 'newline_delimited', maximum_depth = " + MAX_JSON_DEPTH + ")";
            case PARQUET -> "read_parquet(?)";
        };
    }

    /**
     * The error behind a failed read. A streamed result loses DuckDB's message ("Invalid result set"), so the file is
     * read once more, unstreamed, just to count its rows: that read fails with the real message and line.
     */
    static DataInputException problem(Path file, DataFormat format, SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (!message.contains("Invalid result set")) return problem(file, e);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM " + source(file, format))) {
            count.setString(1, file.toString());
            count.executeQuery().close();
        } catch (SQLException precise) {
            return problem(file, precise);
        } catch (DataInputException header) {
            return header;
        }
        return problem(file, e);
    }

    /** DuckDB's message, first line (plus the offending line for CSV), with the file and line in front. */
    static DataInputException problem(Path file, SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Matcher line = LINE.matcher(message);
        long at = line.find() ? Long.parseLong(line.group(1)) : 0;
        List<String> lines = message.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        String first = lines.isEmpty() ? message : lines.get(0);
        // "CSV Error on Line: 3" then "Original Line: …" then "Expected Number of Columns: 2 Found: 3"
        String detail = lines.stream().filter(l -> l.startsWith("Expected Number of Columns")).findFirst()
                .map(l -> ": " + l.replace("Expected Number of Columns:", "expected").replace("Found:", "columns, found"))
                .orElse("");
        first = first.replace("Invalid Input Error: ", "") + detail;
        if (first.length() > 300) first = first.substring(0, 300) + "…";
        return DataInputException.at(file, at, first);
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) return;
        try {
            closeable.close();
        } catch (Exception ignored) {
            // releasing the engine after an error: the error itself is what the caller needs to see
        }
    }

    /** Column names of a result, in order. */
    static List<String> columns(ResultSet rows) throws SQLException {
        var meta = rows.getMetaData();
        var names = new ArrayList<String>(meta.getColumnCount());
        for (int c = 1; c <= meta.getColumnCount(); c++) names.add(meta.getColumnLabel(c));
        return List.copyOf(names);
    }
}
