package dev.bulwark.data.table;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The distinct values of every column of a table's first rows, each with how many rows hold it and the first row
 * that does, computed by DuckDB (one read of the file, then one grouping per column). A caller that looks at every cell can look at
 * every distinct value once and weigh it by its count instead: a phone column of a million rows and 80,000 numbers
 * costs 80,000 checks. Values come as text (like {@link RowReader}'s), in no particular order, streamed: the groups
 * are never all held on the Java side. Owns one connection; not thread-safe.
 */
public final class ColumnValues implements AutoCloseable {
    /**
     * One distinct value of one column.
     *
     * @param column   the column's index
     * @param value    the value, {@code null} for missing
     * @param count    rows holding it (at least 1)
     * @param firstRow the first of them, numbered from 1 in file order
     */
    public record Value(int column, String value, long count, long firstRow) {
    }

    private static final String TABLE = "bulwark_column_values";

    private final Path file;
    private final DataFormat format;
    private final Connection connection;
    private final List<String> columns;
    private final long limit;

    private ColumnValues(Path file, DataFormat format, Connection connection, List<String> columns, long limit) {
        this.file = file;
        this.format = format;
        this.connection = connection;
        this.columns = columns;
        this.limit = limit;
    }

    /** The first {@code limit} rows of {@code file} ({@link Long#MAX_VALUE} for all); reads only the header here. */
    public static ColumnValues open(Path file, long limit) {
        DataFormat format = Tables.formatOf(file);
        Tables.Probed probed = Tables.probe(file, format, "SELECT COLUMNS(*)::VARCHAR FROM " + Tables.source(file, format));
        return new ColumnValues(file, format, probed.connection(), probed.columns(), Math.max(0, limit));
    }

    public List<String> columns() {
        return columns;
    }

    /** The index of {@code column}; {@link DataInputException} naming the columns when the file has none such. */
    public int indexOf(String column) {
        int at = columns.indexOf(column);
        if (at < 0) {
            throw Tables.noSuchColumn(file, column, columns);
        }
        return at;
    }

    /**
     * Hands every distinct value of every column to {@code sink} (missing values too, as {@code null}), column by
     * column, and returns the number of rows read. Bad files fail here, as {@link DataInputException}s naming the
     * file and line.
     */
    public long forEach(Consumer<Value> sink) {
        if (columns.isEmpty()) return 0;
        var keys = new ArrayList<String>();
        for (int c = 0; c < columns.size(); c++) {
            keys.add('"' + columns.get(c).replace("\"", "\"\"") + "\" AS k" + c);
        }
        // The rows are loaded once into a temporary table (in memory, under the connection's memory limit): its
        // rowids follow the file's order, and each column is then grouped on its own, in parallel inside DuckDB.
        // Numbering rows while reading the file instead (row_number() OVER ()) makes the whole read single-threaded.
        String load = "CREATE TEMPORARY TABLE " + TABLE + " AS SELECT " + String.join(", ", keys)
                + " FROM (SELECT COLUMNS(*)::VARCHAR FROM " + Tables.source(file, format)
                + (limit < Long.MAX_VALUE ? " LIMIT " + limit : "") + ")";
        try {
            try (PreparedStatement statement = connection.prepareStatement(load)) {
                statement.setString(1, file.toString());
                statement.execute();
            }
            long rows;
            try (var count = connection.createStatement();
                 ResultSet result = count.executeQuery("SELECT count(*) FROM " + TABLE)) {
                result.next();
                rows = result.getLong(1);
            }
            for (int c = 0; c < columns.size(); c++) {
                try (var statement = connection.createStatement();
                     ResultSet result = statement.executeQuery("SELECT count(*), min(rowid) + 1, k" + c + " FROM "
                             + TABLE + " GROUP BY k" + c)) {
                    while (result.next()) {
                        sink.accept(new Value(c, result.getString(3), result.getLong(1), result.getLong(2)));
                    }
                }
            }
            try (var drop = connection.createStatement()) {
                drop.execute("DROP TABLE " + TABLE);
            }
            return rows;
        } catch (SQLException e) {
            throw Tables.problem(file, format, e);
        }
    }

    /** Whether the file holds more rows than the limit (one more query, reading at most limit + 1 rows). */
    public boolean more() {
        if (limit == Long.MAX_VALUE) return false;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM (SELECT 1 FROM " + Tables.source(file, format) + " LIMIT " + (limit + 1) + ")")) {
            statement.setString(1, file.toString());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1) > limit;
            }
        } catch (SQLException e) {
            throw Tables.problem(file, format, e);
        }
    }

    @Override
    public void close() {
        Tables.closeQuietly(connection);
    }
}
