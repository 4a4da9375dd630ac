package dev.bulwark.data.table;

import java.util.List;

/**
 * Rows of a table, streamed: every value as text ({@code null} for a missing value), in the order the file holds
 * them. Not thread-safe; close it to release the embedded engine.
 */
public interface RowReader extends AutoCloseable {
    /** Column names, in file order. */
    List<String> columns();

    /** The next row (a fresh array, {@code columns().size()} long), or {@code null} after the last. */
    String[] next();

    /** 1-based number of the row {@link #next} returned last (the data row, not counting a header). */
    long rowNumber();

    /** Index of {@code column} in {@link #columns()}, or a {@link DataInputException} naming the file and the columns. */
    int indexOf(String column);

    @Override
    void close();
}
