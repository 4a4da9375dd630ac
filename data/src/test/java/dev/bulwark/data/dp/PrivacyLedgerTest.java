package dev.bulwark.data.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.data.table.DataInputException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyLedgerTest {
    static final DatasetId DATA = new DatasetId("a".repeat(64), "/data/customers.csv");
    static final DatasetId OTHER = new DatasetId("b".repeat(64), "/data/orders.csv");

    @TempDir
    Path dir;

    static PrivacyAmount eps(String e) {
        return new PrivacyAmount(new BigDecimal(e), BigDecimal.ZERO);
    }

    @Test
    void refusesTheQueryThatWouldPassTheBudgetAndWritesNothing() throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        var ledger = PrivacyLedger.at(file);
        var first = ledger.spend(DATA, eps("1"), eps("0.4"), "count");
        assertThat(first.created()).isTrue();
        assertThat(first.left().epsilon()).isEqualByComparingTo("0.6");
        ledger.spend(DATA, null, eps("0.5"), "count");
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> ledger.spend(DATA, null, eps("0.2"), "count"))
                .isInstanceOf(BudgetExceededException.class)
                .hasMessageContaining("only ε 0.1, δ 0 is left");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(ledger.spend(DATA, null, eps("0.1"), "count").left().epsilon()).isZero();
        // another dataset has its own (default) budget
        var other = ledger.spend(OTHER, null, eps("0.3"), "sum");
        assertThat(other.budget()).isEqualTo(PrivacyAmount.DEFAULT_BUDGET);
    }

    @Test
    void deltaAddsUpToo() {
        var ledger = PrivacyLedger.at(dir.resolve("l.jsonl"));
        var budget = new PrivacyAmount(new BigDecimal("10"), new BigDecimal("0.00001"));
        var cost = new PrivacyAmount(new BigDecimal("0.1"), new BigDecimal("0.000004"));
        ledger.spend(DATA, budget, cost, "q");
        ledger.spend(DATA, null, cost, "q");
        assertThatThrownBy(() -> ledger.spend(DATA, null, cost, "q")).isInstanceOf(BudgetExceededException.class);
    }

    @Test
    void theBudgetCannotBeRaisedLater() {
        var ledger = PrivacyLedger.at(dir.resolve("l.jsonl"));
        ledger.spend(DATA, eps("1"), eps("0.5"), "q");
        assertThatThrownBy(() -> ledger.spend(DATA, eps("5"), eps("0.5"), "q"))
                .isInstanceOf(DataInputException.class).hasMessageContaining("cannot change it");
    }

    /** Crash while writing the last line: at every cut point the spent total stays, or the ledger refuses. */
    @Test
    void aTornLastLineNeverLowersTheSpentTotal() throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        var ledger = PrivacyLedger.at(file);
        ledger.spend(DATA, eps("5"), eps("1"), "a");
        ledger.spend(DATA, null, eps("0.25"), "b");
        byte[] complete = Files.readAllBytes(file);
        int lastStart = lastLineStart(complete);
        Path cut = dir.resolve("cut.jsonl");
        int refused = 0;
        for (int length = lastStart + 1; length < complete.length; length++) {
            Files.write(cut, java.util.Arrays.copyOf(complete, length));
            var torn = PrivacyLedger.at(cut);
            try {
                assertThat(torn.standings().get(DATA.sha256()).spent().epsilon()).as("cut at %d", length)
                        .isEqualByComparingTo("1.25");
            } catch (DataInputException e) {
                refused++;
                assertThat(e.getMessage()).contains("incomplete");
                assertThatThrownBy(() -> torn.spend(DATA, null, eps("0.1"), "c")).isInstanceOf(DataInputException.class);
                continue;
            }
            // the next query seals the torn line and still counts it
            var next = torn.spend(DATA, null, eps("0.5"), "c");
            assertThat(next.spent().epsilon()).as("cut at %d", length).isEqualByComparingTo("1.75");
            assertThat(torn.standings().get(DATA.sha256()).spent().epsilon()).isEqualByComparingTo("1.75");
        }
        // only cuts inside the first ~130 bytes (before ε and δ are complete) refuse; the rest are counted
        assertThat(refused).isBetween(1, 200);
    }

    @Test
    void aSpendWithoutAnAnswerStaysSpent() {
        var ledger = PrivacyLedger.at(dir.resolve("l.jsonl"));
        ledger.spend(DATA, eps("1"), eps("0.7"), "the run crashed after this");
        // a fresh process reading the same ledger
        assertThat(PrivacyLedger.at(dir.resolve("l.jsonl")).standings().get(DATA.sha256()).spent().epsilon())
                .isEqualByComparingTo("0.7");
    }

    @Test
    void anEditedOrRemovedLineMakesTheLedgerRefuse() throws Exception {
        Path file = dir.resolve("l.jsonl");
        var ledger = PrivacyLedger.at(file);
        ledger.spend(DATA, eps("3"), eps("1"), "a");
        ledger.spend(DATA, null, eps("1"), "b");
        ledger.spend(DATA, null, eps("0.5"), "c");
        List<String> lines = Files.readAllLines(file);
        Path edited = dir.resolve("edited.jsonl");
        Files.writeString(edited, String.join("\n", lines.get(0), lines.get(1).replace("\"1\"", "\"0.1\""), lines.get(2)) + "\n");
        assertThatThrownBy(() -> PrivacyLedger.at(edited).spend(DATA, null, eps("0.1"), "d"))
                .isInstanceOf(DataInputException.class).hasMessageContaining(":2: ledger line damaged");
        Path removed = dir.resolve("removed.jsonl");
        Files.writeString(removed, lines.get(0) + "\n" + lines.get(2) + "\n");
        assertThatThrownBy(() -> PrivacyLedger.at(removed).standings()).isInstanceOf(DataInputException.class);
    }

    @Test
    void concurrentRunsNeverOverspend() throws Exception {
        Path file = dir.resolve("l.jsonl");
        PrivacyLedger.at(file).spend(DATA, eps("3"), eps("0.1"), "first");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        var results = new ArrayList<Future<Boolean>>();
        for (int i = 0; i < 80; i++) {
            results.add(pool.submit(() -> {
                try {
                    PrivacyLedger.at(file).spend(DATA, null, eps("0.1"), "q");
                    return true;
                } catch (BudgetExceededException e) {
                    return false;
                }
            }));
        }
        int ok = 0;
        for (var r : results) if (r.get()) ok++;
        pool.shutdown();
        assertThat(ok).isEqualTo(29);
        assertThat(recordedSpend(file, DATA.sha256())).isEqualByComparingTo("3");
    }

    /** Property: over random sequences of spends, what the file records never passes the budget, and a spend is
     *  refused exactly when it would. */
    @Test
    void recordedSpendsNeverPassTheBudget() throws Exception {
        var random = new SplittableRandom(2024);
        for (int round = 0; round < 40; round++) {
            Path file = dir.resolve("p" + round + ".jsonl");
            var ledger = PrivacyLedger.at(file);
            var budget = new PrivacyAmount(BigDecimal.valueOf(random.nextInt(1, 500), 2),
                    BigDecimal.valueOf(random.nextInt(0, 100), 8));
            BigDecimal expected = BigDecimal.ZERO;
            BigDecimal expectedDelta = BigDecimal.ZERO;
            for (int i = 0; i < 30; i++) {
                var cost = new PrivacyAmount(BigDecimal.valueOf(random.nextInt(1, 120), 2),
                        random.nextBoolean() ? BigDecimal.ZERO : BigDecimal.valueOf(random.nextInt(0, 30), 8));
                boolean fits = expected.add(cost.epsilon()).compareTo(budget.epsilon()) <= 0
                        && expectedDelta.add(cost.delta()).compareTo(budget.delta()) <= 0;
                try {
                    ledger.spend(DATA, i == 0 ? budget : null, cost, "q" + i);
                    assertThat(fits).isTrue();
                    expected = expected.add(cost.epsilon());
                    expectedDelta = expectedDelta.add(cost.delta());
                } catch (BudgetExceededException e) {
                    assertThat(fits).isFalse();
                    if (i == 0) ledger.spend(DATA, budget, new PrivacyAmount(new BigDecimal("0.01"), BigDecimal.ZERO), "x");
                    if (i == 0) expected = new BigDecimal("0.01");
                }
            }
            if (!Files.exists(file)) continue;
            assertThat(recordedSpend(file, DATA.sha256())).isEqualByComparingTo(expected)
                    .isLessThanOrEqualTo(budget.epsilon());
        }
    }

    /** Sums the spends in the file independently of the ledger's own reading. */
    static BigDecimal recordedSpend(Path file, String dataset) throws Exception {
        var json = new ObjectMapper();
        BigDecimal sum = BigDecimal.ZERO;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            var entry = json.readTree(line).get("entry");
            if (entry.get("dataset").asText().equals(dataset) && !entry.get("type").asText().equals("budget")) {
                sum = sum.add(new BigDecimal(entry.get("epsilon").asText()));
            }
        }
        return sum;
    }

    private static int lastLineStart(byte[] bytes) {
        for (int i = bytes.length - 2; i >= 0; i--) if (bytes[i] == '\n') return i + 1;
        return 0;
    }
}
