package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataAnonymizeCommandTest {
    @TempDir
    Path dir;

    private Path patients(int n) throws Exception {
        var random = new Random(3);
        var text = new StringBuilder("id,age,zip,gender,diagnosis\n");
        String[] diagnoses = {"flu", "asthma", "none", "migraine"};
        for (int i = 0; i < n; i++) {
            text.append(i).append(',').append(18 + random.nextInt(60)).append(',')
                    .append(String.format("%05d", 2100 + random.nextInt(90))).append(',')
                    .append(random.nextBoolean() ? "F" : "M").append(',')
                    .append(diagnoses[random.nextInt(4)]).append('\n');
        }
        Path in = dir.resolve("patients.csv");
        Files.writeString(in, text);
        return in;
    }

    @Test
    void writesAKAnonymousTableAndReportsWhatItAchieved() throws Exception {
        Path in = patients(500);
        Path out = dir.resolve("out.csv");
        var run = CliRun.of("data", "anonymize", in.toString(), out.toString(), "--quasi", "age,zip,gender",
                "--sensitive", "diagnosis", "--k", "5", "--l", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Wrote 500 rows").contains("age (numeric)").contains("zip (code)")
                .containsPattern("achieved: k = \\d+, l = \\d+ \\(asked k = 5, l = 2\\)")
                .contains("certainty penalty").contains("rows suppressed: ");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(501);
        List<String> input = Files.readAllLines(in);
        Map<String, Integer> classes = new HashMap<>();
        for (int r = 1; r < lines.size(); r++) {
            String[] o = lines.get(r).split(",", -1);
            String[] i = input.get(r).split(",", -1);
            assertThat(o[0]).isEqualTo(i[0]);
            assertThat(o[4]).isEqualTo(i[4]);
            classes.merge(o[1] + "|" + o[2] + "|" + o[3], 1, Integer::sum);
        }
        assertThat(classes.values()).allSatisfy(size -> assertThat(size).isGreaterThanOrEqualTo(5));
    }

    @Test
    void badInputExitsTwoAndWritesNothing() throws Exception {
        Path in = patients(30);
        Path out = dir.resolve("out.csv");
        String[][] bad = {
                {"--quasi", "age,zipcode", "--k", "5"},
                {"--quasi", "age", "--k", "1"},
                {"--quasi", "age", "--k", "31"},
                {"--quasi", "age", "--sensitive", "diagnosis", "--k", "2", "--l", "5"},
                {"--quasi", "age", "--k", "2", "--l", "2"},
                {"--quasi", "age", "--k", "two"},
        };
        for (String[] options : bad) {
            String[] args = new String[options.length + 4];
            args[0] = "data";
            args[1] = "anonymize";
            args[2] = in.toString();
            args[3] = out.toString();
            System.arraycopy(options, 0, args, 4, options.length);
            var run = CliRun.of(args);
            assertThat(run.exitCode()).as(String.join(" ", options) + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).startsWith("bulwark: ").doesNotContain("Exception");
            assertThat(out).doesNotExist();
        }
        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "age,zip\n1,2\n3,4,5\n");
        var run = CliRun.of("data", "anonymize", ragged.toString(), out.toString(), "--quasi", "age", "--k", "2");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(ragged + ":3:");
        Path hierarchy = dir.resolve("h.csv");
        Files.writeString(hierarchy, "gender,F,*\n");
        run = CliRun.of("data", "anonymize", in.toString(), out.toString(), "--quasi", "gender", "--k", "2",
                "--hierarchy", hierarchy.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("\"M\"").contains("not in " + hierarchy);
        assertThat(out).doesNotExist();
    }
}
