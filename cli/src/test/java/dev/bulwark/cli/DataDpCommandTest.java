package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDpCommandTest {
    @TempDir
    Path dir;
    String csv;
    String ledger;

    @BeforeEach
    void data() throws Exception {
        var s = new StringBuilder("id,city,age\n");
        for (int i = 0; i < 500; i++) s.append(i).append(',').append(i % 2 == 0 ? "Lyon" : "Paris").append(',').append(20 + i % 50).append('\n');
        Path file = dir.resolve("people.csv");
        Files.writeString(file, s);
        csv = file.toString();
        ledger = dir.resolve("dp.jsonl").toString();
    }

    @Test
    void countPrintsAnswerErrorSpendAndWhatIsLeft() {
        var run = CliRun.of("data", "dp", csv, "--query", "count", "--where", "city = 'Lyon'", "--epsilon", "0.5",
                "--ledger", ledger, "--budget", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("count where city = 'Lyon' in ")
                .containsPattern("answer: +\\d+")
                .contains("95% error:     ± 6 ")
                .contains("discrete Laplace, scale 2, sensitivity 1")
                .contains("spent now:     ε 0.5, δ 0")
                .contains("budget left:   ε 1.5, δ 0.000001 of ε 2, δ 0.000001 (budget set now)");
        long answer = Long.parseLong(run.out().replaceAll("(?s).*answer: +(\\d+).*", "$1"));
        assertThat(answer).isBetween(250L - 60, 250L + 60); // P(|noise| > 60) at scale 2 ≈ 1e-13
    }

    @Test
    void refusesPastTheBudgetWithExitOneAndSaysWhatIsLeft() {
        assertThat(CliRun.of("data", "dp", csv, "--query", "count", "--epsilon", "0.8", "--ledger", ledger).exitCode()).isZero();
        var run = CliRun.of("data", "dp", csv, "--query", "mean", "--column", "age", "--bounds", "0,100", "--epsilon", "0.5",
                "--ledger", ledger);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("refused").contains("only ε 0.2, δ 0.000001 is left").contains("nothing was released or spent");
    }

    @Test
    void meanSumAndQuantileNeedBounds() {
        for (String kind : new String[] {"sum", "mean", "quantile"}) {
            var run = CliRun.of("data", "dp", csv, "--query", kind, "--column", "age", "--epsilon", "1", "--ledger", ledger);
            assertThat(run.exitCode()).as(kind).isEqualTo(2);
            assertThat(run.err()).contains("--bounds LO,HI is required for " + kind);
        }
        assertThat(Path.of(ledger)).doesNotExist();
    }

    @Test
    void badInputExitsTwo() {
        assertThat(CliRun.of("data", "dp", csv, "--query", "sum", "--column", "nope", "--bounds", "0,1", "--epsilon", "1",
                "--ledger", ledger).err()).contains("no column \"nope\"");
        assertThat(CliRun.of("data", "dp", csv, "--query", "count", "--where", "city = Lyon", "--epsilon", "1",
                "--ledger", ledger).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("data", "dp", csv, "--query", "count", "--epsilon", "-1", "--ledger", ledger).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("data", "dp", dir.resolve("missing.csv").toString(), "--query", "count", "--epsilon", "1",
                "--ledger", ledger).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("data", "dp", csv, "--query", "median", "--epsilon", "1", "--ledger", ledger).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("data", "dp", csv, "--query", "quantile", "--column", "age", "--bounds", "0,100", "--epsilon", "1",
                "--delta", "1e-7", "--ledger", ledger).err()).contains("drop --delta");
    }

    @Test
    void gaussianQuantileAndMeanRun() {
        var gauss = CliRun.of("data", "dp", csv, "--query", "sum", "--column", "age", "--bounds", "0,100", "--epsilon", "1",
                "--delta", "1e-7", "--ledger", ledger, "--budget", "5");
        assertThat(gauss.exitCode()).as(gauss.err()).isZero();
        assertThat(gauss.out()).contains("discrete Gaussian").contains("spent now:     ε 1, δ 0.0000001");
        var median = CliRun.of("data", "dp", csv, "--query", "quantile", "--column", "age", "--bounds", "0,100", "--epsilon", "1",
                "--ledger", ledger);
        assertThat(median.exitCode()).as(median.err()).isZero();
        assertThat(median.out()).contains("exponential mechanism over 101 grid points");
        var mean = CliRun.of("data", "dp", csv, "--query", "mean", "--column", "age", "--bounds", "0,100", "--epsilon", "1",
                "--ledger", ledger, "--timing");
        assertThat(mean.exitCode()).as(mean.err()).isZero();
        assertThat(mean.out()).containsPattern("95% error: +\\[\\d");
        assertThat(mean.err()).contains("timing: in-process");
        var changed = CliRun.of("data", "dp", csv, "--query", "count", "--epsilon", "0.1", "--ledger", ledger, "--budget", "50");
        assertThat(changed.exitCode()).isEqualTo(2);
        assertThat(changed.err()).contains("cannot change it");
    }
}
