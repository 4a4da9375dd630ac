package dev.bulwark.data.table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of a whole table grouped by some of its columns, computed by DuckDB in one pass over the file (every row,
 * whatever a scan sampled): how many groups, the smallest group size, and the smallest groups themselves. Values
 * compare as text, and a missing value is a value of its own (rows missing the same columns group together).
 * Optionally, per group, the number of distinct non-missing values of one more column.
 */
public final class Groups {
    private Groups() {
    }

    /** One group: its key values (in key-column order, {@code null} for missing), its row count, its distinct count. */
    public record Group(List<String> key, long rows, long distinct) {
        public Group {
            key = java.util.Collections.unmodifiableList(new ArrayList<>(key));
        }
    }

    /**
     * The grouping of a table: {@code rows} in {@code groups} groups, the smallest of {@code minRows} rows, the fewest
     * distinct values of the counted column in one group {@code minDistinct} (-1 when none was counted), the number
     * of groups holding a single row, and up to the asked number of smallest groups (fewest rows first, then fewest
     * distinct values).
     */
    public record Summary(long rows, long groups, long minRows, long minDistinct, long singletons,
                          List<Group> smallest) {
        public Summary {
            smallest = List.copyOf(smallest);
        }
    }

    /**
     * Groups {@code file} by {@code keys}; counts distinct values of {@code distinctOf} per group when it is not null.
     * Column names are checked against the file's columns first ({@link DataInputException} naming the columns).
     */
    public static Summary of(Path file, List<String> keys, String distinctOf, int smallest) {
        if (keys.isEmpty()) throw new IllegalArgumentException("at least one key column is required");
        if (!Files.isRegularFile(file)) throw new DataInputException(file + ": no such file");
        DataFormat format;
        try {
            format = DataFormat.sniff(file);
        } catch (java.io.IOException e) {
            throw new DataInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        try (RowReader header = Tables.open(file, format, 0)) {
            for (String key : keys) header.indexOf(key);
            if (distinctOf != null) header.indexOf(distinctOf);
        }
        // keys compared as the text RowReader gives (Parquet's 1.0 and 1.00 are one value there too)
        var aliases = new ArrayList<String>();
        var casts = new ArrayList<String>();
        for (int c = 0; c < keys.size(); c++) {
            aliases.add("k" + c);
            casts.add("CAST(" + quote(keys.get(c)) + " AS VARCHAR) AS k" + c);
        }
        String keyList = String.join(", ", aliases);
        String distinct = distinctOf == null ? "-1" : "count(DISTINCT CAST(" + quote(distinctOf) + " AS VARCHAR))";
        String grouped = "SELECT " + String.join(", ", casts) + ", count(*) AS n, " + distinct + " AS d FROM "
                + Tables.source(file, format) + " GROUP BY " + keyList;
        String sql = "WITH g AS (" + grouped + "), s AS (SELECT sum(n) AS rows, count(*) AS groups, min(n) AS k,"
                + " min(d) AS l, count(*) FILTER (WHERE n = 1) AS u FROM g)"
                + " SELECT s.rows, s.groups, s.k, s.l, s.u, NULL AS n, NULL AS d"
                + ", NULL".repeat(keys.size()) + " FROM s UNION ALL (SELECT NULL, NULL, NULL, NULL, NULL, n, d, " + keyList
                + " FROM g ORDER BY n, d, " + keyList + " LIMIT " + Math.max(0, smallest) + ")";
        try (Connection connection = Tables.connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, file.toString());
            try (ResultSet rs = statement.executeQuery()) {
                long rows = 0;
                long groups = 0;
                long minRows = 0;
                long minDistinct = -1;
                long singletons = 0;
                var out = new ArrayList<Group>();
                while (rs.next()) {
                    if (rs.getObject(1) != null) {
                        rows = rs.getLong(1);
                        groups = rs.getLong(2);
                        minRows = rs.getLong(3);
                        minDistinct = distinctOf == null ? -1 : rs.getLong(4);
                        singletons = rs.getLong(5);
                        continue;
                    }
                    if (rs.getObject(6) == null) continue;
                    String[] key = new String[keys.size()];
                    for (int c = 0; c < key.length; c++) key[c] = rs.getString(8 + c);
                    out.add(new Group(Arrays.asList(key), rs.getLong(6), distinctOf == null ? -1 : rs.getLong(7)));
                }
                return new Summary(rows, groups, minRows, minDistinct, singletons, out);
            }
        } catch (SQLException e) {
            throw Tables.problem(file, format, e);
        }
    }

    private static String quote(String column) {
        return '"' + column.replace("\"", "\"\"") + '"';
    }
}
