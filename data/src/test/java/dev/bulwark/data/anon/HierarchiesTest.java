package dev.bulwark.data.anon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.data.table.DataInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HierarchiesTest {
    @TempDir
    Path dir;

    private Path file(String text) throws Exception {
        Path f = dir.resolve("h.csv");
        Files.writeString(f, text);
        return f;
    }

    private void refused(String text, int line, String message) throws Exception {
        Path f = file(text);
        assertThatThrownBy(() -> Hierarchies.read(f, List.of("city", "zip")))
                .isInstanceOf(DataInputException.class).hasMessageStartingWith(f + ":" + line + ":")
                .hasMessageContaining(message);
    }

    @Test
    void parsesTreesAndTypes() throws Exception {
        var h = Hierarchies.read(file("""
                # comment

                @type,zip,CODE
                city,"Washington, D.C.",District,USA,*
                city,Boston,Massachusetts,USA
                city,Cambridge,Massachusetts,USA
                """), List.of("city", "zip"));
        assertThat(h.type("zip")).contains(QuasiType.CODE);
        assertThat(h.type("city")).contains(QuasiType.CATEGORICAL);
        Hierarchy tree = h.hierarchy("city", true).orElseThrow();
        assertThat(tree.leaves()).isEqualTo(4);
        int boston = tree.leaf("Boston");
        int cambridge = tree.leaf("Cambridge");
        int dc = tree.leaf("Washington, D.C.");
        assertThat(tree.label(tree.lca(Math.min(boston, cambridge), Math.max(boston, cambridge)))).isEqualTo("Massachusetts");
        assertThat(tree.label(tree.lca(Math.min(boston, dc), Math.max(boston, dc)))).isEqualTo("USA");
        assertThat(tree.label(tree.lca(0, 3))).isEqualTo("*");
        assertThat(tree.label(tree.lca(tree.missingLeaf(), tree.missingLeaf()))).isNull();
        assertThat(tree.leaf("Massachusetts")).isEqualTo(-1);
    }

    @Test
    void errorsNameFileAndLine() throws Exception {
        refused("city,Boston,Massachusetts\ncity,Boston,Texas\n", 2, "elsewhere");
        refused("city,Boston,Massachusetts\ncity,Massachusetts\n", 2, "is a group");
        refused("city,Boston,Massachusetts\ncity,Massachusetts,USA\n", 2, "under \"*\" elsewhere");
        refused("city,Springfield,Massachusetts\ncity,Worcester,Springfield,Massachusetts\n", 2, "value elsewhere");
        refused("\ntown,Boston,Massachusetts\n", 2, "not a quasi-identifier");
        refused("@type,zip,postcode\n", 1, "unknown type");
        refused("city\n", 1, "expected");
        refused("city,,USA\n", 1, "empty field");
        refused("city,\"Boston,USA\n", 1, "unclosed");
        refused("city,Boston,*,USA\n", 1, "root");
        refused("city,Boston,USA\n@type,city,numeric\n", 2, "must be categorical");
    }
}
