package dev.bulwark.data.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.data.table.DataInputException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class WhereClauseTest {
    static final List<String> COLUMNS = List.of("city", "age", "first name");
    static final UnaryOperator<String> ID = c -> {
        if (!COLUMNS.contains(c)) throw new DataInputException("no column \"" + c + "\"");
        return "\"" + c.replace("\"", "\"\"") + "\"";
    };

    @Test
    void compilesToParameterisedSql() {
        var w = WhereClause.parse("city = 'Lyon' AND (age >= 30 or \"first name\" in ('Ann', 'Bo')) and not age is null", ID);
        assertThat(w.sql()).isEqualTo("(((\"city\" = ?) AND ((TRY_CAST(\"age\" AS DOUBLE) >= ?) OR (((\"first name\" = ?)"
                + " OR (\"first name\" = ?))))) AND (NOT (\"age\" IS NULL)))");
        assertThat(w.parameters()).containsExactly("Lyon", 30.0, "Ann", "Bo");
    }

    @Test
    void userTextNeverReachesTheSql() {
        var w = WhereClause.parse("city = 'x'' OR 1=1; DROP TABLE t; --'", ID);
        assertThat(w.sql()).isEqualTo("(\"city\" = ?)");
        assertThat(w.parameters()).containsExactly("x' OR 1=1; DROP TABLE t; --");
    }

    @Test
    void rejectsWhatIsNotInTheGrammar() {
        for (String bad : List.of("city = 'x'; DROP TABLE t", "city = 'unclosed", "nope = 1", "city == 1", "city = x",
                "1 = 1", "city = 'a' or", "(city = 'a'", "city like 'a%'", "age > 1e", "city = 'a' -- comment")) {
            assertThatThrownBy(() -> WhereClause.parse(bad, ID)).as(bad).isInstanceOf(DataInputException.class);
        }
        assertThatThrownBy(() -> WhereClause.parse("(".repeat(60) + "age = 1" + ")".repeat(60), ID))
                .hasMessageContaining("nested deeper");
    }

    @Test
    void blankMeansEverything() {
        assertThat(WhereClause.parse("  ", ID)).isEqualTo(WhereClause.ALL);
    }
}
