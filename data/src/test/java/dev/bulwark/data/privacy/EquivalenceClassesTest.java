package dev.bulwark.data.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.data.table.DataInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EquivalenceClassesTest {
    @TempDir
    Path dir;

    @Test
    void kAndLMatchAHandCount() throws IOException {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, """
                zip,age,diagnosis
                94110,34,flu
                94110,34,flu
                94110,34,asthma
                10001,51,flu
                10001,51,flu
                02139,29,cold
                """);
        EquivalenceClasses e = EquivalenceClasses.measure(csv, List.of("zip", "age"), "diagnosis", 5);
        assertThat(e.k()).isEqualTo(1);
        assertThat(e.l()).isEqualTo(1);
        assertThat(e.classes()).isEqualTo(3);
        assertThat(e.rows()).isEqualTo(6);
        assertThat(e.uniqueRows()).isEqualTo(1);
        assertThat(e.smallest().get(0).key()).containsExactly("02139", "29"); // leading zero kept: text
        assertThat(e.smallest().get(0).rows()).isEqualTo(1);
        assertThat(e.smallest()).extracting(g -> g.rows()).containsExactly(1L, 2L, 3L);
        assertThat(e.kAnonymous(1)).isTrue();
        assertThat(e.kAnonymous(2)).isFalse();
    }

    @Test
    void missingValuesFormTheirOwnClassAndAreNotASensitiveValue() throws IOException {
        Path csv = dir.resolve("m.csv");
        Files.writeString(csv, "zip,diagnosis\n,flu\n,\n1,flu\n1,cold\n");
        EquivalenceClasses e = EquivalenceClasses.measure(csv, List.of("zip"), "diagnosis", 5);
        assertThat(e.k()).isEqualTo(2);
        assertThat(e.l()).isEqualTo(1);
        assertThat(e.smallest().get(0).key()).containsExactly((String) null);
    }

    @Test
    void unknownColumnsAreNamed() throws IOException {
        Path csv = dir.resolve("u.csv");
        Files.writeString(csv, "zip,age\n1,2\n");
        assertThatThrownBy(() -> EquivalenceClasses.measure(csv, List.of("zip", "postcode"), null, 5))
                .isInstanceOf(DataInputException.class).hasMessageContaining("postcode").hasMessageContaining("zip, age");
    }

    @Property(tries = 25)
    void reportedKAndLEqualABruteForceRecount(@ForAll("tables") List<String[]> rows) throws IOException {
        Path csv = Files.createTempFile("bulwark-k", ".csv"); // jqwik runs properties without JUnit's @TempDir
        var text = new StringBuilder("a,b,s\n");
        for (String[] r : rows) text.append(String.join(",", r)).append('\n');
        Files.writeString(csv, text);
        EquivalenceClasses e;
        try {
            e = EquivalenceClasses.measure(csv, List.of("a", "b"), "s", 3);
        } finally {
            Files.delete(csv);
        }
        Map<List<String>, List<String>> classes = new HashMap<>();
        for (String[] r : rows) {
            classes.computeIfAbsent(Arrays.asList(blankToNull(r[0]), blankToNull(r[1])), k -> new ArrayList<>())
                    .add(blankToNull(r[2]));
        }
        long k = classes.values().stream().mapToLong(List::size).min().orElse(0);
        long l = classes.values().stream().mapToLong(v -> {
            Set<String> distinct = new HashSet<>(v);
            distinct.remove(null);
            return distinct.size();
        }).min().orElse(0);
        assertThat(e.k()).isEqualTo(k);
        assertThat(e.l()).isEqualTo(l);
        assertThat(e.classes()).isEqualTo(classes.size());
        assertThat(e.uniqueRows()).isEqualTo(classes.values().stream().filter(v -> v.size() == 1).count());
        assertThat(e.smallest().get(0).rows()).isEqualTo(k);
    }

    @Provide
    Arbitrary<List<String[]>> tables() {
        Arbitrary<String> value = Arbitraries.of("", "1", "2", "3", "x", "01");
        return value.array(String[].class).ofSize(3).list().ofMinSize(1).ofMaxSize(40);
    }

    private static String blankToNull(String s) {
        return Objects.requireNonNullElse(s, "").isEmpty() ? null : s;
    }
}
