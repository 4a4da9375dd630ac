package dev.bulwark.data.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.data.table.RowReader;
import dev.bulwark.data.table.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-memory counter (what the anonymizer checks its output with) and the DuckDB grouping give one answer. */
class EquivalenceCounterTest {
    @TempDir
    Path dir;

    private static EquivalenceClasses counted(Path file, List<String> quasi, String sensitive) {
        try (RowReader reader = Tables.open(file)) {
            int[] at = quasi.stream().mapToInt(reader::indexOf).toArray();
            int s = sensitive == null ? -1 : reader.indexOf(sensitive);
            var counter = new EquivalenceClasses.Counter(quasi, sensitive);
            for (String[] row; (row = reader.next()) != null; ) {
                String[] values = new String[at.length];
                for (int i = 0; i < at.length; i++) values[i] = row[at[i]];
                counter.add(values, s < 0 ? null : row[s]);
            }
            return counter.result();
        }
    }

    @Test
    void counterAgreesWithTheGroupingOverTheFile() throws Exception {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, """
                age,zip,diagnosis
                30,021**,flu
                30,021**,flu
                30,021**,asthma
                40,021**,flu
                40,021**,flu
                ,021**,flu
                ,021**,
                50,022**,flu
                """);
        for (String sensitive : new String[] {"diagnosis", null}) {
            var counted = counted(file, List.of("age", "zip"), sensitive);
            var grouped = EquivalenceClasses.measure(file, List.of("age", "zip"), sensitive, EquivalenceClasses.SHOWN);
            assertThat(counted).usingRecursiveComparison().ignoringFields("smallest").isEqualTo(grouped);
            assertThat(counted.smallest().get(0).rows()).isEqualTo(grouped.smallest().get(0).rows());
        }
        var counted = counted(file, List.of("age", "zip"), "diagnosis");
        assertThat(counted.rows()).isEqualTo(8);
        assertThat(counted.classes()).isEqualTo(4);
        assertThat(counted.k()).isEqualTo(1);
        assertThat(counted.l()).isEqualTo(1);
        assertThat(counted.uniqueRows()).isEqualTo(1);
        assertThat(counted.smallest().get(0).key()).containsExactly("50", "022**");
        assertThat(counted(file, List.of("zip"), null).l()).isEqualTo(-1);
    }
}
