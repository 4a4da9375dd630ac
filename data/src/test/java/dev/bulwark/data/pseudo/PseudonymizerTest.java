package dev.bulwark.data.pseudo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.data.keys.KeyPurpose;
import dev.bulwark.data.keys.Keyset;
import dev.bulwark.data.table.DataInputException;
import dev.bulwark.data.table.RowReader;
import dev.bulwark.data.table.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymizerTest {
    private static final String CSV = """
            id,name,email,card,note
            1,Ada Lovelace,ada@example.com,4111 1111 1111 1111,first
            2,Alan Turing,alan@example.org,5500-0000-0000-0004,
            3,,ada@example.com,,third
            4,Ada Lovelace,ADA@example.com,(030) 1234-5678,fourth
            """;

    @TempDir
    Path dir;

    private Path input() throws Exception {
        Path in = dir.resolve("people.csv");
        Files.writeString(in, CSV);
        return in;
    }

    private static List<String[]> rows(Path file) {
        var rows = new ArrayList<String[]>();
        try (RowReader r = Tables.open(file)) {
            for (String[] row; (row = r.next()) != null; ) rows.add(row);
        }
        return rows;
    }

    private static PseudonymKeys keys() {
        return PseudonymKeys.of(Keyset.generate(KeyPurpose.PSEUDONYMIZE));
    }

    @Test
    void tokenAndFpeRoundTripAndOtherColumnsAndEmptyCellsStay() throws Exception {
        Path in = input();
        PseudonymKeys keys = keys();
        Path pseudo = dir.resolve("pseudo.csv");
        var rules = ColumnRule.parse("name:token,card:fpe,email:hmac");
        var result = Pseudonymizer.of(keys).pseudonymize(in, pseudo, rules);
        assertThat(result.rows()).isEqualTo(4);

        List<String[]> original = rows(in);
        List<String[]> p = rows(pseudo);
        assertThat(p.get(0)[1]).isNotEqualTo("Ada Lovelace").isEqualTo(p.get(3)[1]); // deterministic
        assertThat(p.get(0)[3]).hasSize(19).matches("\\d{4} \\d{4} \\d{4} \\d{4}").isNotEqualTo(original.get(0)[3]);
        assertThat(p.get(3)[3]).matches("\\(\\d{3}\\) \\d{4}-\\d{4}");
        assertThat(p.get(2)[1]).isNull(); // empty stays empty
        assertThat(p.get(2)[3]).isNull();
        assertThat(p.get(0)[2]).matches("[0-9a-f]{64}").isEqualTo(p.get(2)[2]).isNotEqualTo(p.get(3)[2]);
        for (int r = 0; r < 4; r++) {
            assertThat(p.get(r)[0]).isEqualTo(original.get(r)[0]);
            assertThat(p.get(r)[4]).isEqualTo(original.get(r)[4]);
        }

        Path back = dir.resolve("back.csv");
        var counted = new long[1];
        Pseudonymizer.of(keys).reidentify(pseudo, back, ColumnRule.parse("name:token,card:fpe"), n -> counted[0] = n);
        assertThat(counted[0]).isEqualTo(4);
        List<String[]> b = rows(back);
        for (int r = 0; r < 4; r++) {
            assertThat(b.get(r)[1]).isEqualTo(original.get(r)[1]);
            assertThat(b.get(r)[3]).isEqualTo(original.get(r)[3]);
            assertThat(b.get(r)[2]).isEqualTo(p.get(r)[2]); // hmac column untouched
        }
    }

    @Test
    void hmacIsDeterministicAndDependsOnTheKey() throws Exception {
        Path in = input();
        PseudonymKeys k1 = keys();
        var rules = ColumnRule.parse("email:hmac");
        Pseudonymizer.of(k1).pseudonymize(in, dir.resolve("a.csv"), rules);
        Pseudonymizer.of(k1).pseudonymize(in, dir.resolve("b.csv"), rules);
        Pseudonymizer.of(keys()).pseudonymize(in, dir.resolve("c.csv"), rules);
        assertThat(rows(dir.resolve("a.csv")).get(0)[2]).isEqualTo(rows(dir.resolve("b.csv")).get(0)[2])
                .isNotEqualTo(rows(dir.resolve("c.csv")).get(0)[2]);
    }

    @Test
    void rotationKeepsOldTokensReversibleAndOldFpeWithItsKeyId() throws Exception {
        Path in = input();
        Path ksFile = dir.resolve("k.json");
        Keyset.generate(KeyPurpose.PSEUDONYMIZE).write(ksFile);
        PseudonymKeys before = PseudonymKeys.of(Keyset.read(ksFile));
        Pseudonymizer.of(before).pseudonymize(in, dir.resolve("old.csv"), ColumnRule.parse("name:token,card:fpe"));
        Keyset.read(ksFile).rotate().overwrite(ksFile);
        PseudonymKeys after = PseudonymKeys.of(Keyset.read(ksFile));
        assertThat(after.primaryDeriveKey()).isNotEqualTo(before.primaryDeriveKey());

        Pseudonymizer.of(after).reidentify(dir.resolve("old.csv"), dir.resolve("t.csv"), ColumnRule.parse("name:token"), n -> { });
        assertThat(rows(dir.resolve("t.csv")).get(1)[1]).isEqualTo("Alan Turing");
        Pseudonymizer.of(after, before.primaryDeriveKey())
                .reidentify(dir.resolve("old.csv"), dir.resolve("f.csv"), ColumnRule.parse("card:fpe"), n -> { });
        assertThat(rows(dir.resolve("f.csv")).get(1)[3]).isEqualTo("5500-0000-0000-0004");

        Pseudonymizer.of(after).pseudonymize(in, dir.resolve("new.csv"), ColumnRule.parse("name:token"));
        assertThat(rows(dir.resolve("new.csv")).get(0)[1]).isNotEqualTo(rows(dir.resolve("old.csv")).get(0)[1]);
    }

    @Test
    void aWrongOrDestroyedKeysetCannotReverseTokensAndWritesNothing() throws Exception {
        Path in = input();
        Path ksFile = dir.resolve("k.json");
        Keyset.generate(KeyPurpose.PSEUDONYMIZE).write(ksFile);
        Pseudonymizer.of(PseudonymKeys.of(Keyset.read(ksFile))).pseudonymize(in, dir.resolve("p.csv"),
                ColumnRule.parse("name:token"));
        Path out = dir.resolve("back.csv");
        assertThatThrownBy(() -> Pseudonymizer.of(keys()).reidentify(dir.resolve("p.csv"), out,
                ColumnRule.parse("name:token"), n -> { }))
                .isInstanceOf(DataInputException.class)
                .hasMessageContaining("row 1, column 'name'").hasMessageContaining("wrong keyset")
                .hasMessageNotContaining("Ada");
        assertThat(out).doesNotExist();
        Keyset.destroy(ksFile);
        assertThatThrownBy(() -> Keyset.read(ksFile)).hasMessageContaining("destroyed");
    }

    @Test
    void badInputIsRefusedWithAClearMessage() throws Exception {
        Path in = input();
        PseudonymKeys keys = keys();
        Path out = dir.resolve("o.csv");
        assertThatThrownBy(() -> Pseudonymizer.of(keys).pseudonymize(in, out, ColumnRule.parse("phone:hmac")))
                .isInstanceOf(DataInputException.class).hasMessageContaining("phone");
        assertThatThrownBy(() -> ColumnRule.parse("name:rot13")).hasMessageContaining("unknown method 'rot13'");
        assertThatThrownBy(() -> ColumnRule.parse("name")).hasMessageContaining("COLUMN:METHOD");
        assertThatThrownBy(() -> ColumnRule.parse("name:token,name:hmac")).hasMessageContaining("twice");
        assertThatThrownBy(() -> Pseudonymizer.of(keys).pseudonymize(in, out, ColumnRule.parse("name:fpe")))
                .isInstanceOf(DataInputException.class).hasMessageContaining("row 1, column 'name' (fpe)")
                .hasMessageContaining("other than digits").hasMessageNotContaining("Ada");
        assertThatThrownBy(() -> Pseudonymizer.of(keys).pseudonymize(in, out, ColumnRule.parse("id:fpe")))
                .hasMessageContaining("has 1 digits").hasMessageContaining("at least 6");
        assertThatThrownBy(() -> Pseudonymizer.of(keys).reidentify(in, out, ColumnRule.parse("email:hmac"), n -> { }))
                .hasMessageContaining("one-way");
        assertThat(out).doesNotExist();
    }

    @Test
    void auditLineNamesWhoWhatAndHowManyButNoValue() throws Exception {
        Path in = input();
        PseudonymKeys keys = keys();
        Path audit = dir.resolve("audit.jsonl");
        var rules = ColumnRule.parse("name:token,card:fpe");
        ReidentifyAudit.now(in, dir.resolve("o.csv"), rules, 4, keys, keys.primaryDeriveKey()).append(audit);
        ReidentifyAudit.now(in, dir.resolve("o.csv"), rules, 4, keys, keys.primaryDeriveKey()).append(audit);
        List<String> lines = Files.readAllLines(audit);
        assertThat(lines).hasSize(2);
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertThat(line.path("who").asText()).isEqualTo(System.getProperty("user.name"));
        assertThat(line.path("rows").asLong()).isEqualTo(4);
        assertThat(line.path("keyset").asText()).isEqualTo(keys.keyset().id());
        assertThat(line.path("columns").toString()).contains("\"name\"").contains("\"token\"");
        // the paths hold random digits (a temporary directory once contained "4111"), so look for the values whole
        assertThat(lines.get(0)).doesNotContain("Ada Lovelace").doesNotContain("4111 1111").doesNotContain("ada@");
    }
}
