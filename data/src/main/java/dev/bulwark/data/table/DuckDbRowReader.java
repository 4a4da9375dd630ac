package dev.bulwark.data.table;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** A {@link RowReader} over one streamed DuckDB result of {@link Tables#packed} rows; owns its connection. */
final class DuckDbRowReader implements RowReader {
    private final Path file;
    private final DataFormat format;
    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final List<String> columns;
    private long rowNumber;
    private boolean closed;

    DuckDbRowReader(Path file, DataFormat format, Connection connection, PreparedStatement statement, ResultSet rows,
                    List<String> columns) {
        this.file = file;
        this.format = format;
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
        this.columns = List.copyOf(columns);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public String[] next() {
        if (closed) return null;
        try {
            if (!rows.next()) return null;
            String[] row = Tables.unpack(rows.getString(1), columns.size());
            rowNumber++;
            return row;
        } catch (SQLException e) {
            close();
            throw Tables.problem(file, format, e);
        }
    }

    @Override
    public long rowNumber() {
        return rowNumber;
    }

    @Override
    public int indexOf(String column) {
        int at = columns.indexOf(column);
        if (at < 0) {
            throw Tables.noSuchColumn(file, column, columns);
        }
        return at;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        Tables.closeQuietly(rows);
        Tables.closeQuietly(statement);
        Tables.closeQuietly(connection);
    }
}
