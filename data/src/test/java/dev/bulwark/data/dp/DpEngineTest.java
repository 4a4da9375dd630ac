package dev.bulwark.data.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.data.table.DataInputException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DpEngineTest {
    @TempDir
    Path dir;
    Path csv;
    Path ledgerFile;
    DpEngine engine;

    @BeforeEach
    void data() throws Exception {
        var s = new StringBuilder("id,city,age,income\n");
        for (int i = 0; i < 1000; i++) {
            String city = i % 4 == 0 ? "Lyon" : i % 4 == 1 ? "Paris" : i % 4 == 2 ? "O'Hare" : "";
            s.append(i).append(',').append(city).append(',').append(18 + i % 60).append(',')
                    .append(i % 10 == 0 ? "n/a" : String.valueOf(1000 + i * 3.5)).append('\n');
        }
        csv = dir.resolve("people.csv");
        Files.writeString(csv, s);
        ledgerFile = dir.resolve("ledger.jsonl");
        engine = new DpEngine(PrivacyLedger.at(ledgerFile), RandomSource.seeded(5));
    }

    static DpQuery query(DpQuery.Kind kind, String column, String where, String eps, String lo, String hi, String q) {
        BigDecimal l = lo == null ? null : new BigDecimal(lo);
        BigDecimal h = hi == null ? null : new BigDecimal(hi);
        return new DpQuery(kind, column, where, new PrivacyAmount(new BigDecimal(eps), BigDecimal.ZERO), l, h,
                q == null ? null : new BigDecimal(q), DpQuery.decimalsOf(l, h));
    }

    static PrivacyAmount budget(String e) {
        return new PrivacyAmount(new BigDecimal(e), BigDecimal.ZERO);
    }

    /** ε = 20 makes the noise almost surely 0 (P ≈ 1 − 4e-9), which checks the aggregates themselves. */
    @Test
    void aggregatesAreRightBeforeNoise() {
        var a = engine.answer(csv, query(DpQuery.Kind.COUNT, null, "city = 'Lyon' or city = 'O''Hare'", "20", null, null, null), budget("200"));
        assertThat(a.value()).isEqualTo("500");
        assertThat(a.receipt().left().epsilon()).isEqualByComparingTo("180");
        long fifties = java.util.stream.IntStream.range(0, 1000).filter(i -> 18 + i % 60 >= 50 && 18 + i % 60 < 60).count();
        assertThat(engine.answer(csv, query(DpQuery.Kind.COUNT, null, "age >= 50 and not (age >= 60)", "20", null, null, null), null).value())
                .isEqualTo(String.valueOf(fifties));
        assertThat(engine.answer(csv, query(DpQuery.Kind.COUNT, null, "city is null", "20", null, null, null), null).value()).isEqualTo("250");
        assertThat(engine.answer(csv, query(DpQuery.Kind.COUNT, "income", "city in ('Lyon', 'Paris')", "20", null, null, null), null).value())
                .isEqualTo("500"); // "n/a" is present (not empty), so those rows count
        assertThat(engine.answer(csv, query(DpQuery.Kind.COUNT, "city", null, "20", null, null, null), null).value())
                .isEqualTo("750");
        // sum of ages clamped to [20, 70]
        long expected = 0;
        for (int i = 0; i < 1000; i++) expected += Math.max(20, Math.min(70, 18 + i % 60));
        var sum = engine.answer(csv, query(DpQuery.Kind.SUM, "age", null, "20", "20", "70", null), null);
        assertThat(sum.error()).isEqualTo("± 10"); // scale 70/20 = 3.5
        assertThat(Long.parseLong(sum.value())).isBetween(expected - 10, expected + 10);
        var mean = engine.answer(csv, query(DpQuery.Kind.MEAN, "age", null, "20", "0", "100", null), null);
        assertThat(Double.parseDouble(mean.value())).isCloseTo(expectedMeanAge(), org.assertj.core.data.Offset.offset(0.1));
        assertThat(mean.error()).matches("\\[4\\d\\.\\d+, 4\\d\\.\\d+\\]");
        var median = engine.answer(csv, query(DpQuery.Kind.QUANTILE, "age", null, "20", "0", "100", "0.5"), null);
        assertThat(Integer.parseInt(median.value())).isBetween(46, 48);
    }

    private static double expectedMeanAge() {
        double s = 0;
        for (int i = 0; i < 1000; i++) s += 18 + i % 60;
        return s / 1000;
    }

    @Test
    void decimalsScaleTheSumAndNonNumbersAreLeftOut() {
        double expected = 0;
        for (int i = 0; i < 1000; i++) if (i % 10 != 0) expected += Math.min(3000, 1000 + i * 3.5);
        var a = engine.answer(csv, query(DpQuery.Kind.SUM, "income", null, "20", "0.0", "3000.0", null), budget("100"));
        // sensitivity 3000 at ε 20: noise of scale 150, so compare within the stated 95% bound (fixed seed)
        assertThat(a.value()).matches("\\d+\\.\\d");
        assertThat(Math.abs(Double.parseDouble(a.value()) - expected))
                .isLessThanOrEqualTo(Double.parseDouble(a.error().replace("± ", "")));
        assertThat(a.error()).isEqualTo("± 449.4"); // discrete Laplace scale 1500 (units of 0.1): 95% bound 4494
        assertThat(a.mechanism()).contains("sensitivity 3000.0");
    }

    @Test
    void noiseAtModestEpsilonIsWithinTheStatedBoundMostOfTheTime() {
        int inside = 0;
        for (int i = 0; i < 40; i++) {
            var a = engine.answer(csv, query(DpQuery.Kind.COUNT, null, "city = 'Lyon'", "0.5", null, null, null), budget("100"));
            long bound = Long.parseLong(a.error().replace("± ", ""));
            if (Math.abs(Long.parseLong(a.value()) - 250) <= bound) inside++;
        }
        assertThat(inside).isGreaterThanOrEqualTo(32); // 95% of 40 = 38; P(≤ 31 inside) < 1e-4
    }

    @Test
    void gaussianWhenDeltaIsGiven() {
        var q = new DpQuery(DpQuery.Kind.COUNT, null, null, new PrivacyAmount(new BigDecimal("1"), new BigDecimal("1e-7")),
                null, null, null, 0);
        var a = engine.answer(csv, q, new PrivacyAmount(BigDecimal.TEN, new BigDecimal("0.000001")));
        assertThat(a.mechanism()).startsWith("discrete Gaussian");
        assertThat(a.receipt().spent().delta()).isEqualByComparingTo("1e-7");
    }

    @Test
    void refusalDoesNotDependOnTheData() throws Exception {
        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "a,b\n1,2\n3,4,5\n");
        var q = query(DpQuery.Kind.COUNT, null, null, "0.6", null, null, null);
        // the first query spends, then fails reading the ragged row: the spend stays (write-ahead)
        assertThatThrownBy(() -> engine.answer(ragged, q, budget("1"))).isInstanceOf(DataInputException.class)
                .hasMessageContaining(":3");
        assertThat(PrivacyLedger.at(ledgerFile).standings().values().iterator().next().spent().epsilon()).isEqualByComparingTo("0.6");
        // the second would pass the budget: refused, and the refusal does not tell that the rows are ragged (what
        // DuckDB read meanwhile is dropped unseen)
        assertThatThrownBy(() -> engine.answer(ragged, q, null)).isInstanceOf(BudgetExceededException.class)
                .hasMessageContaining("only ε 0.4, δ 0 is left");
    }

    @Test
    void badQueriesFailBeforeTheLedger() {
        assertThatThrownBy(() -> query(DpQuery.Kind.SUM, "age", null, "1", null, null, null))
                .isInstanceOf(DataInputException.class).hasMessageContaining("--bounds LO,HI is required for sum");
        assertThatThrownBy(() -> engine.answer(csv, query(DpQuery.Kind.SUM, "nope", null, "1", "0", "1", null), null))
                .isInstanceOf(DataInputException.class).hasMessageContaining("no column \"nope\"");
        assertThatThrownBy(() -> engine.answer(csv, query(DpQuery.Kind.COUNT, null, "city = 'x' or secret = 1", "1", null, null, null), null))
                .isInstanceOf(DataInputException.class).hasMessageContaining("no column \"secret\"");
        assertThat(ledgerFile).doesNotExist();
    }
}
