package dev.bulwark.data.anon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.data.table.RowReader;
import dev.bulwark.data.table.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EquivalenceClassesTest {
    @TempDir
    Path dir;

    @Test
    void measuresTheSmallestClassAndItsDiversity() throws Exception {
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
                """);
        try (RowReader reader = Tables.open(file)) {
            var classes = EquivalenceClasses.measure(reader, List.of("age", "zip"), "diagnosis");
            assertThat(classes.rows()).isEqualTo(7);
            assertThat(classes.classes()).isEqualTo(3);
            assertThat(classes.k()).isEqualTo(2);
            assertThat(classes.l()).isEqualTo(1);
            assertThat(classes.smallest().get(0).size()).isEqualTo(2);
            assertThat(classes.smallest()).anySatisfy(g -> assertThat(g.values()).containsExactly("30", "021**"));
        }
        try (RowReader reader = Tables.open(file)) {
            var classes = EquivalenceClasses.measure(reader, List.of("zip"), null);
            assertThat(classes.k()).isEqualTo(7);
            assertThat(classes.l()).isZero();
        }
    }
}
