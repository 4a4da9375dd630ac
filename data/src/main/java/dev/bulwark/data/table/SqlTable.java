package dev.bulwark.data.table;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * One dataset file as a DuckDB table of text columns, for aggregates computed inside the engine (a count over a
 * million rows without a million JDBC rows). Queries are parameterised: {@code {table}} in the SQL stands for the
 * file, whose path is bound as the first parameter, and the caller's values follow it; no value is ever written into
 * the SQL text.
 */
public final class SqlTable implements AutoCloseable {
    /** The placeholder for the file in {@link #query}'s SQL. */
    public static final String TABLE = "{table}";

    private final Path file;
    private final DataFormat format;
    private final Connection connection;
    private final String source;
    private final List<String> columns;
    private volatile boolean cancelled;
    private volatile PreparedStatement running;

    private SqlTable(Path file, DataFormat format, Connection connection, String source, List<String> columns) {
        this.file = file;
        this.format = format;
        this.connection = connection;
        this.source = source;
        this.columns = columns;
    }

    /** Opens {@code file} (any format {@link Tables} reads) and reads its column names. */
    public static SqlTable open(Path file) {
        DataFormat format = Tables.formatOf(file);
        String source = "(SELECT COLUMNS(*)::VARCHAR FROM " + Tables.source(file, format) + ")";
        Tables.Probed probed = Tables.probe(file, format, "SELECT * FROM " + source);
        return new SqlTable(file, format, probed.connection(), source, probed.columns());
    }

    public List<String> columns() {
        return columns;
    }

    /** {@code column} as a quoted SQL identifier, after checking the file has it. */
    public String identifier(String column) {
        if (!columns.contains(column)) {
            throw Tables.noSuchColumn(file, column, columns);
        }
        return "\"" + column.replace("\"", "\"\"") + "\"";
    }

    /** Reads one result. */
    @FunctionalInterface
    public interface ResultReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /**
     * Runs {@code sql}, in which {@link #TABLE} appears once and before any {@code ?}, with {@code parameters} bound
     * to its placeholders in order.
     */
    public <T> T query(String sql, List<?> parameters, ResultReader<T> reader) {
        int at = sql.indexOf(TABLE);
        if (at < 0 || sql.indexOf(TABLE, at + 1) >= 0 || sql.substring(0, at).indexOf('?') >= 0) {
            throw new IllegalArgumentException("the SQL must hold " + TABLE + " once, before any parameter");
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.replace(TABLE, source))) {
            running = statement;
            if (cancelled) throw cancelledError();
            statement.setString(1, file.toString());
            for (int i = 0; i < parameters.size(); i++) statement.setObject(i + 2, parameters.get(i));
            try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            if (cancelled) throw cancelledError();
            throw Tables.problem(file, format, e);
        } finally {
            running = null;
        }
    }

    private DataInputException cancelledError() {
        return new DataInputException(file + ": query cancelled");
    }

    /**
     * Stops the query running now, or the next one, from another thread: it fails with "query cancelled" instead of
     * reading the rest of the file (for an answer nobody will see any more).
     */
    public void cancel() {
        cancelled = true;
        PreparedStatement statement = running;
        if (statement == null) return;
        try {
            statement.cancel();
        } catch (SQLException e) {
            // the query then runs to its end: slower, not wrong
        }
    }

    @Override
    public void close() {
        Tables.closeQuietly(connection);
    }
}
