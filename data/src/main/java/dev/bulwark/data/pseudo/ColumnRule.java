package dev.bulwark.data.pseudo;

import dev.bulwark.data.table.DataInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/** One {@code column:method} pair of {@code --columns}. */
public record ColumnRule(String column, Method method) {

    /**
     * Parses {@code email:hmac,card:fpe,name:token}. A column named twice, a missing method or an unknown one is a
     * {@link DataInputException} saying what is accepted.
     */
    public static List<ColumnRule> parse(String spec) {
        var rules = new ArrayList<ColumnRule>();
        var seen = new HashSet<String>();
        for (String item : spec.split(",", -1)) {
            String s = item.strip();
            if (s.isEmpty()) continue;
            int colon = s.lastIndexOf(':');
            if (colon <= 0 || colon == s.length() - 1) {
                throw new DataInputException("--columns: '" + s + "' is not COLUMN:METHOD (methods: hmac, token, fpe)");
            }
            String column = s.substring(0, colon).strip();
            String name = s.substring(colon + 1).strip();
            Method method;
            try {
                method = Method.valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new DataInputException("--columns: unknown method '" + name + "' for column '" + column
                        + "'; use hmac, token or fpe");
            }
            if (!seen.add(column)) throw new DataInputException("--columns: column '" + column + "' is named twice");
            rules.add(new ColumnRule(column, method));
        }
        if (rules.isEmpty()) throw new DataInputException("--columns: no COLUMN:METHOD given");
        return List.copyOf(rules);
    }

    @Override
    public String toString() {
        return column + ":" + method.label();
    }
}
