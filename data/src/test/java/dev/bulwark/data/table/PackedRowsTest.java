package dev.bulwark.data.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows travel from DuckDB as one "LENGTH:VALUE" string each ({@link Tables#packed}); every cell must survive. */
class PackedRowsTest {
    @TempDir
    Path dir;

    @Test
    void cellsSurviveTheOneStringPerRowTransport() throws Exception {
        Path file = dir.resolve("u.csv");
        Files.writeString(file, "a,\"b \"\"x\"\"\",c\n\"😀:-1\",,z\n-,\"e\u0301\n2:\",\"👨‍👩‍👧\"\n");
        try (RowReader reader = Tables.open(file)) {
            assertThat(reader.columns()).containsExactly("a", "b \"x\"", "c");
            assertThat(reader.next()).containsExactly("😀:-1", null, "z");
            assertThat(reader.next()).containsExactly("-", "e\u0301\n2:", "👨‍👩‍👧");
            assertThat(reader.next()).isNull();
        }
        Path jsonl = dir.resolve("u.jsonl");
        Files.writeString(jsonl, "{\"a\":\"\",\"b\":null,\"c\":\"0:\"}\n{\"a\":\"1:-\",\"b\":\"\",\"c\":\"-\"}\n");
        try (RowReader reader = Tables.open(jsonl)) {
            assertThat(reader.next()).containsExactly("", null, "0:");
            assertThat(reader.next()).containsExactly("1:-", "", "-");
        }
    }
}
