package dev.bulwark.data.anon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.data.table.DataInputException;
import dev.bulwark.data.table.RowReader;
import dev.bulwark.data.table.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnonymizerTest {
    private static final List<String> COLUMNS = List.of("id", "age", "zip", "gender", "birth", "city", "diagnosis", "note");
    private static final List<String> QUASI = List.of("age", "zip", "gender", "birth", "city");
    private static final String[] CITIES = {"Boston", "Cambridge", "Worcester", "Hartford", "New Haven", "Providence"};
    private static final String[] DIAGNOSES = {"flu", "asthma", "diabetes", "migraine", "none"};

    @TempDir
    Path dir;

    static List<String[]> patients(int n, long seed) {
        var random = new Random(seed);
        var rows = new ArrayList<String[]>();
        for (int i = 0; i < n; i++) {
            rows.add(new String[] {
                    String.valueOf(i),
                    random.nextInt(20) == 0 ? null : String.valueOf(18 + random.nextInt(70)),
                    String.format("%05d", 1000 + random.nextInt(300) * 7),
                    random.nextBoolean() ? "F" : "M",
                    String.format("%d-%02d-%02d", 1940 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    CITIES[random.nextInt(CITIES.length)],
                    DIAGNOSES[random.nextInt(DIAGNOSES.length)],
                    "note, \"quoted\" " + random.nextInt(1000)});
        }
        return rows;
    }

    private Path write(String name, List<String[]> rows) throws Exception {
        var text = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                if (c > 0) text.append(',');
                if (row[c] != null) text.append('"').append(row[c].replace("\"", "\"\"")).append('"');
            }
            text.append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    static List<String[]> read(Path file) {
        var rows = new ArrayList<String[]>();
        try (RowReader reader = Tables.open(file)) {
            for (String[] row; (row = reader.next()) != null; ) rows.add(row);
        }
        return rows;
    }

    @Test
    void outputFileIsKAnonymousLDiverseAndKeepsOtherColumns() throws Exception {
        List<String[]> in = patients(2000, 1);
        Path file = write("in.csv", in);
        for (String name : List.of("out.csv", "out.parquet", "out.jsonl")) {
            Path out = dir.resolve(name);
            var report = Anonymizer.anonymize(file, out, new AnonymizationSpec(QUASI, "diagnosis", 5, 3, null));
            List<String[]> back = read(out);
            Recount.assertAnonymous(COLUMNS, in, back, QUASI, "diagnosis", 5, 3);
            assertThat(report.achieved().k()).isGreaterThanOrEqualTo(5);
            assertThat(report.achieved().l()).isGreaterThanOrEqualTo(3);
            assertThat(report.types()).containsEntry("age", QuasiType.NUMERIC).containsEntry("zip", QuasiType.CODE)
                    .containsEntry("gender", QuasiType.CATEGORICAL).containsEntry("birth", QuasiType.DATE);
            assertThat(report.certaintyPenalty()).isBetween(0.0, 1.0);
            assertThat(report.averageClassSize()).isGreaterThanOrEqualTo(5);
            assertThat(report.discernibility()).isGreaterThanOrEqualTo(5.0 * in.size());
            for (int r = 0; r < in.size(); r++) {
                assertThat(Recount.covers(QuasiType.NUMERIC, back.get(r)[1], in.get(r)[1])).as("age row %d", r).isTrue();
                assertThat(Recount.covers(QuasiType.CODE, back.get(r)[2], in.get(r)[2])).isTrue();
                assertThat(Recount.covers(QuasiType.DATE, back.get(r)[4], in.get(r)[4])).isTrue();
            }
        }
    }

    @Test
    void generalizesOnlyAsFarAsNeeded() throws Exception {
        // 20 rows of each of 4 exact combinations: already 20-anonymous, so k = 5 must change nothing
        var in = new ArrayList<String[]>();
        for (int i = 0; i < 80; i++) {
            in.add(new String[] {"" + i, i % 2 == 0 ? "30" : "40", "02139", i % 4 < 2 ? "F" : "M", "1980-01-01",
                    "Boston", DIAGNOSES[i % 5], "x"});
        }
        var result = Anonymizer.anonymize(COLUMNS, in, new AnonymizationSpec(QUASI, "diagnosis", 5, 2, null));
        for (int r = 0; r < in.size(); r++) assertThat(result.rows().get(r)).containsExactly(in.get(r));
        assertThat(result.report().certaintyPenalty()).isZero();
        assertThat(result.report().suppressed()).isZero();
    }

    @Test
    void tooFewRowsForAClassAreAllGeneralizedAndCountedAsSuppressed() {
        var in = List.of(new String[] {"1", "30", "02139", "F", "1980-01-01", "Boston", "flu", "a"},
                new String[] {"2", "31", "02141", "M", "1981-02-01", "Cambridge", "asthma", "b"},
                new String[] {"3", "32", "02142", "F", "1982-03-01", "Worcester", "none", "c"});
        var result = Anonymizer.anonymize(COLUMNS, in, new AnonymizationSpec(List.of("gender", "city"), "diagnosis", 3, 1, null));
        assertThat(result.rows()).allSatisfy(row -> assertThat(row[3]).isEqualTo("*"));
        assertThat(result.report().suppressed()).isEqualTo(3);
        assertThat(result.report().achieved().k()).isEqualTo(3);
    }

    @Test
    void hierarchyGivesTheLowestCommonGroup() throws Exception {
        Path h = dir.resolve("h.csv");
        Files.writeString(h, """
                # cities by state
                city,Boston,Massachusetts,USA,*
                city,Cambridge,Massachusetts,USA
                city,Worcester,Massachusetts,USA
                city,Hartford,Connecticut,USA
                city,New Haven,Connecticut,USA
                city,Providence,Rhode Island,USA
                @type,age,numeric
                """);
        List<String[]> in = patients(600, 2);
        var spec = new AnonymizationSpec(List.of("city", "age"), "diagnosis", 10, 2, Hierarchies.read(h, List.of("city", "age")));
        var result = Anonymizer.anonymize(COLUMNS, in, spec);
        Recount.assertAnonymous(COLUMNS, in, result.rows(), List.of("city", "age"), "diagnosis", 10, 2);
        var allowed = List.of("Boston", "Cambridge", "Worcester", "Hartford", "New Haven", "Providence", "Massachusetts",
                "Connecticut", "Rhode Island", "USA", "*");
        assertThat(result.rows()).allSatisfy(row -> assertThat(allowed).contains(row[5]));
        for (int r = 0; r < in.size(); r++) {
            String label = result.rows().get(r)[5];
            String city = in.get(r)[5];
            if (label.equals("Massachusetts")) assertThat(city).isIn("Boston", "Cambridge", "Worcester");
            if (label.equals("Connecticut")) assertThat(city).isIn("Hartford", "New Haven");
            if (!allowed.subList(6, 11).contains(label)) assertThat(label).isEqualTo(city);
        }
    }

    @Test
    void valueMissingFromTheHierarchyNamesItAndTheFile() throws Exception {
        Path h = dir.resolve("h.csv");
        Files.writeString(h, "city,Boston,Massachusetts\n");
        var spec = new AnonymizationSpec(List.of("city"), null, 2, 1, Hierarchies.read(h, List.of("city")));
        assertThatThrownBy(() -> Anonymizer.anonymize(COLUMNS, patients(50, 3), spec))
                .isInstanceOf(DataInputException.class).hasMessageContaining("is not in " + h).hasMessageContaining("city");
    }

    @Test
    void badInputIsRefusedWithReasons() throws Exception {
        Path file = write("in.csv", patients(20, 4));
        Path out = dir.resolve("out.csv");
        assertThatThrownBy(() -> Anonymizer.anonymize(file, out, new AnonymizationSpec(List.of("agee"), null, 2, 1, null)))
                .isInstanceOf(DataInputException.class).hasMessageContaining("no column \"agee\"");
        assertThatThrownBy(() -> Anonymizer.anonymize(file, out, new AnonymizationSpec(QUASI, null, 21, 1, null)))
                .isInstanceOf(DataInputException.class).hasMessageContaining("fewer than k = 21");
        assertThatThrownBy(() -> Anonymizer.anonymize(file, out, new AnonymizationSpec(QUASI, "diagnosis", 2, 6, null)))
                .isInstanceOf(DataInputException.class).hasMessageContaining("fewer than l = 6");
        assertThatThrownBy(() -> new AnonymizationSpec(QUASI, null, 1, 1, null)).isInstanceOf(DataInputException.class);
        assertThatThrownBy(() -> new AnonymizationSpec(QUASI, null, 2, 2, null)).hasMessageContaining("--sensitive");
        assertThatThrownBy(() -> new AnonymizationSpec(List.of("age"), "age", 2, 1, null)).hasMessageContaining("also");
        var ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "age,zip\n1,2\n3,4,5\n");
        assertThatThrownBy(() -> Anonymizer.anonymize(ragged, out, new AnonymizationSpec(List.of("age"), null, 2, 1, null)))
                .isInstanceOf(DataInputException.class).hasMessageStartingWith(ragged + ":3:");
        assertThat(out).doesNotExist();
    }

    @Test
    void failureMidWriteLeavesNoOutputAndKeepsAnOldOne() throws Exception {
        Path file = write("in.csv", patients(Anonymizer.PROGRESS_EVERY + 10, 5));
        Path out = dir.resolve("out.csv");
        var spec = new AnonymizationSpec(QUASI, null, 5, 1, null);
        assertThatThrownBy(() -> Anonymizer.anonymize(file, out, spec, written -> {
            throw new IllegalStateException("interrupted after " + written);
        })).hasMessageContaining("interrupted after " + Anonymizer.PROGRESS_EVERY);
        assertThat(out).doesNotExist();
        Files.writeString(out, "old\n");
        assertThatThrownBy(() -> Anonymizer.anonymize(file, out, spec, written -> {
            throw new IllegalStateException("interrupted");
        }));
        assertThat(out).hasContent("old");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }
}
