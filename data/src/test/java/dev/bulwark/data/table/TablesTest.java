package dev.bulwark.data.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class TablesTest {
    @TempDir
    Path dir;

    private List<String[]> all(RowReader reader) {
        var rows = new ArrayList<String[]>();
        for (String[] row; (row = reader.next()) != null; ) rows.add(row);
        return rows;
    }

    @Test
    void readsEveryFormatAsText() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "id,email,zip\n1,\"a@x.org\",01234\n2,,\"9,8\"\n");
        Files.writeString(dir.resolve("a.tsv"), "id\temail\tzip\n1\ta@x.org\t01234\n2\t\t98\n");
        Files.writeString(dir.resolve("a.jsonl"), "{\"id\":1,\"email\":\"a@x.org\",\"zip\":\"01234\"}\n"
                + "{\"id\":2,\"email\":null,\"zip\":\"98\"}\n");
        Files.writeString(dir.resolve("a.json"), "[{\"id\":1,\"email\":\"a@x.org\",\"zip\":\"01234\"},"
                + "{\"id\":2,\"email\":null,\"zip\":\"98\"}]");
        for (String name : List.of("a.csv", "a.tsv", "a.jsonl", "a.json")) {
            try (RowReader reader = Tables.open(dir.resolve(name))) {
                assertThat(reader.columns()).as(name).containsExactly("id", "email", "zip");
                List<String[]> rows = all(reader);
                assertThat(rows).as(name).hasSize(2);
                assertThat(rows.get(0)).as(name).containsExactly("1", "a@x.org", "01234");
                assertThat(rows.get(1)[1]).as(name).isNull();
                assertThat(reader.rowNumber()).isEqualTo(2);
            }
        }
    }

    @Test
    void anEarlyConnectionServesTheFirstOpenOnlyAndLaterOpensGetTheirOwn() throws Exception {
        Files.writeString(dir.resolve("t.csv"), "a,b\n1,2\n");
        Tables.openEarly();
        Tables.openEarly(); // a second call while one is pending starts nothing more
        try (RowReader first = Tables.open(dir.resolve("t.csv")); RowReader second = Tables.open(dir.resolve("t.csv"))) {
            assertThat(all(first)).hasSize(1);
            assertThat(all(second)).hasSize(1);
        }
        assertThat(EarlyConnection.take()).isEmpty();
        try (SqlTable table = SqlTable.open(dir.resolve("t.csv"))) {
            assertThat(table.columns()).containsExactly("a", "b");
        }
    }

    @Test
    @Timeout(120) // a cancel that did not work would leave the query running for many minutes
    void aCancelledQueryStopsAndSaysSo() throws Exception {
        Files.writeString(dir.resolve("t.csv"), "a,b\n1,2\n3,4\n");
        try (SqlTable table = SqlTable.open(dir.resolve("t.csv"))) {
            var started = new java.util.concurrent.CountDownLatch(1);
            Thread canceller = Thread.ofPlatform().start(() -> {
                try {
                    started.await();
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                table.cancel();
            });
            started.countDown();
            assertThatThrownBy(() -> table.query("SELECT sum(hash(r.range + length(a))) FROM " + SqlTable.TABLE
                    + ", range(20000000000) r", List.of(), rows -> rows.next()))
                    .isInstanceOf(DataInputException.class).hasMessageContaining("query cancelled");
            canceller.join();
            // and a query after the cancel fails at once instead of running
            assertThatThrownBy(() -> table.query("SELECT count(*) FROM " + SqlTable.TABLE, List.of(), rows -> rows.next()))
                    .isInstanceOf(DataInputException.class).hasMessageContaining("query cancelled");
        }
    }

    @Test
    void raggedCsvNamesFileAndLine() throws Exception {
        Path csv = dir.resolve("ragged.csv");
        Files.writeString(csv, "a,b\n1,2\n3,4,5\n6,7\n");
        assertThatThrownBy(() -> {
            try (RowReader reader = Tables.open(csv)) {
                all(reader);
            }
        }).isInstanceOf(DataInputException.class).hasMessageStartingWith(csv + ":3:");
    }

    @Test
    void unknownColumnListsTheColumns() throws Exception {
        Files.writeString(dir.resolve("t.csv"), "a,b\n1,2\n");
        try (RowReader reader = Tables.open(dir.resolve("t.csv"))) {
            assertThatThrownBy(() -> reader.indexOf("c")).isInstanceOf(DataInputException.class)
                    .hasMessageContaining("no column \"c\"").hasMessageContaining("a, b");
        }
    }

    @Test
    void writerRoundTripsEveryFormatAndIsAllOrNothing() throws Exception {
        String[][] rows = {{"1", "say \"hi\", then\nleave", null}, {"2", "", "x\ty"}};
        for (String name : List.of("o.csv", "o.tsv", "o.jsonl", "o.json", "o.parquet")) {
            Path out = dir.resolve(name);
            try (RowWriter writer = RowWriter.create(out, List.of("id", "text", "other"))) {
                for (String[] row : rows) writer.write(row);
                assertThat(out).as(name).doesNotExist();
                writer.commit();
            }
            try (RowReader reader = Tables.open(out)) {
                List<String[]> back = all(reader);
                assertThat(back).as(name).hasSize(2);
                assertThat(back.get(0)[1]).as(name).isEqualTo("say \"hi\", then\nleave");
                assertThat(back.get(1)[2]).as(name).isEqualTo("x\ty");
            }
        }
        Path never = dir.resolve("never.csv");
        try (RowWriter writer = RowWriter.create(never, List.of("a"))) {
            writer.write(new String[] {"1"});
        }
        assertThat(never).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }
}
