package dev.bulwark.data.table;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** A {@link RowReader} over one streamed DuckDB result; owns its connection. */
final class DuckDbRowReader implements RowReader {
    private final Path file;
    private final DataFormat format;
    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final List<String> columns;
    private long rowNumber;
    private boolean closed;

    DuckDbRowReader(Path file, DataFormat format, Connection connection, PreparedStatement statement, ResultSet rows) throws SQLException {
        this.file = file;
        this.format = format;
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
        this.columns = Tables.columns(rows);
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
            String[] row = new String[columns.size()];
            for (int c = 0; c < row.length; c++) row[c] = rows.getString(c + 1);
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
            throw new DataInputException(file + ": no column \"" + column + "\" (columns: " + String.join(", ", columns)
                    + ")");
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
