package dev.bulwark.data.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.data.table.ColumnValues;
import dev.bulwark.data.table.RowReader;
import dev.bulwark.data.table.Tables;
import dev.bulwark.detect.EntityEngine;
import dev.bulwark.detect.EntityScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan looks at each distinct value once and weighs it by its count; this holds it to the result of the plain
 * way, every cell in row order: same counts, shapes and masked examples (with their rows), whatever order the
 * distinct values come in and however they are split among workers.
 */
class DistinctValueScanTest {
    private static final EntityScanner ENGINE = EntityEngine.standard();

    @TempDir
    static Path dir;
    static Path table;

    @BeforeAll
    static void writeTableWithRepeats() throws IOException {
        var rng = new Random(11);
        String[] emails = {"ana.lopez@example.com", "bo.chen@example.org", "cy.roy@example.net", "di.kim@example.com",
                "ed.ng@example.org"};
        String[] phones = {"+1 415-555-0132", "+1 212-555-0187", "+44 20 7946 0958", "+1 646-555-0199"};
        String[] names = {"Maria Garcia", "John Smith", "Wei Chen", "Aisha Khan"};
        var text = new StringBuilder("id,name,email,phone,zip,gender,note\n");
        for (int i = 1; i <= 3_000; i++) {
            String note = switch (rng.nextInt(6)) {
                case 0 -> "write to " + emails[rng.nextInt(emails.length)] + " or " + emails[rng.nextInt(emails.length)];
                case 1 -> "card 4111 1111 1111 1111";
                case 2 -> "";
                case 3 -> "\" \"";
                default -> "order " + rng.nextInt(40);
            };
            text.append(i).append(',')
                    .append(rng.nextInt(10) == 0 ? "" : names[rng.nextInt(names.length)]).append(',')
                    .append(rng.nextInt(3) == 0 ? "user" + rng.nextInt(500) + "@example.com" : emails[rng.nextInt(emails.length)])
                    .append(',').append(phones[rng.nextInt(phones.length)]).append(',')
                    .append(String.format("%05d", 10_000 + rng.nextInt(60))).append(',')
                    .append(rng.nextBoolean() ? "F" : "M").append(',')
                    .append('"').append(note.replace("\"", "\"\"")).append('"').append('\n');
        }
        table = dir.resolve("repeats.csv");
        Files.writeString(table, text.toString());
    }

    /** The reference: every cell, in row order, one scanner per column. */
    private static List<ColumnTally> cellByCell() {
        try (RowReader reader = Tables.open(table)) {
            int width = reader.columns().size();
            var tallies = new ArrayList<ColumnTally>();
            var scanners = new ArrayList<CellScanner>();
            for (int c = 0; c < width; c++) {
                tallies.add(new ColumnTally());
                scanners.add(new CellScanner(ENGINE, null));
            }
            String[] row;
            while ((row = reader.next()) != null) {
                for (int c = 0; c < width; c++) tallies.get(c).add(reader.rowNumber(), row[c], 1, scanners.get(c));
            }
            return tallies;
        }
    }

    private static List<ColumnValues.Value> distinctValues() {
        var out = new ArrayList<ColumnValues.Value>();
        try (ColumnValues values = ColumnValues.open(table, Long.MAX_VALUE)) {
            assertThat(values.forEach(out::add)).isEqualTo(3_000);
            assertThat(values.more()).isFalse();
        }
        return out;
    }

    /** The distinct values shuffled and dealt to {@code workers} tallies per column, then merged. */
    private static List<ColumnTally> byDistinctValues(List<ColumnValues.Value> values, int workers, long seed) {
        var shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, new Random(seed));
        int width = 7;
        var parts = new ColumnTally[workers][width];
        for (ColumnTally[] part : parts) for (int c = 0; c < width; c++) part[c] = new ColumnTally();
        var scanner = new CellScanner(ENGINE, null);
        var rng = new Random(seed);
        for (ColumnValues.Value v : shuffled) {
            parts[rng.nextInt(workers)][v.column()].add(v.firstRow(), v.value(), v.count(), scanner);
        }
        var merged = new ArrayList<ColumnTally>();
        for (int c = 0; c < width; c++) {
            ColumnTally total = parts[0][c];
            for (int w = 1; w < workers; w++) total.merge(parts[w][c]);
            merged.add(total);
        }
        return merged;
    }

    @Test
    void distinctValuesWeightedByCountGiveTheCellByCellResult() {
        List<ColumnTally> expected = cellByCell();
        List<ColumnValues.Value> values = distinctValues();
        assertThat(values.size()).isLessThan(3_000 * 7 / 2); // the table really repeats itself
        for (int workers = 1; workers <= 3; workers++) {
            for (long seed = 1; seed <= 4; seed++) {
                List<ColumnTally> actual = byDistinctValues(values, workers, seed);
                for (int c = 0; c < expected.size(); c++) {
                    ColumnTally want = expected.get(c);
                    ColumnTally got = actual.get(c);
                    String at = "column " + c + ", " + workers + " workers, seed " + seed;
                    assertThat(got.nonEmpty).as(at).isEqualTo(want.nonEmpty);
                    assertThat(got.totalChars).as(at).isEqualTo(want.totalChars);
                    assertThat(got.postcodeShaped).as(at).isEqualTo(want.postcodeShaped);
                    assertThat(got.cells).as(at).isEqualTo(want.cells);
                    assertThat(got.examples).as(at).isEqualTo(want.examples);
                    assertThat(got.manyDistinct).as(at).isEqualTo(want.manyDistinct);
                    // the few distinct values are only read when there are few
                    if (!want.manyDistinct) assertThat(got.small).as(at).containsExactlyInAnyOrderElementsOf(want.small);
                }
            }
        }
        // the reference saw what the test means to compare: entities with repeated values, several per cell
        assertThat(expected.get(2).cells).isNotEmpty();
        assertThat(expected.get(6).examples.values()).anySatisfy(list -> assertThat(list).hasSize(3));
    }

    @Test
    void aSampleCountsOnlyItsRowsAndKnowsThereIsMore() {
        var values = new ArrayList<ColumnValues.Value>();
        try (ColumnValues sample = ColumnValues.open(table, 100)) {
            assertThat(sample.forEach(values::add)).isEqualTo(100);
            assertThat(sample.more()).isTrue();
        }
        assertThat(values).allSatisfy(v -> assertThat(v.firstRow()).isBetween(1L, 100L));
        assertThat(values.stream().filter(v -> v.column() == 0).mapToLong(ColumnValues.Value::count).sum())
                .isEqualTo(100);
        try (ColumnValues exact = ColumnValues.open(table, 3_000)) {
            assertThat(exact.forEach(v -> { })).isEqualTo(3_000);
            assertThat(exact.more()).isFalse();
        }
    }
}
