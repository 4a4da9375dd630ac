package dev.bulwark.data.pseudo;

import dev.bulwark.data.table.DataInputException;
import dev.bulwark.data.table.RowReader;
import dev.bulwark.data.table.RowWriter;
import dev.bulwark.data.table.Tables;
import dev.bulwark.detect.redact.FormatPreservingEncryption;
import dev.bulwark.detect.redact.KeyedHash;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;

/**
 * Rewrites the named columns of a table, row by row, and leaves every other column, and every empty or missing cell,
 * as it was. The output is all-or-nothing ({@link RowWriter}): a value that cannot be transformed stops the run with
 * a {@link DataInputException} naming the row and the column (never the value), and no output appears.
 */
public final class Pseudonymizer {
    private final PseudonymKeys keys;
    private final int deriveKey;

    private Pseudonymizer(PseudonymKeys keys, int deriveKey) {
        this.keys = keys;
        this.deriveKey = deriveKey;
    }

    /** Pseudonymizes with the keyset's primary keys. */
    public static Pseudonymizer of(PseudonymKeys keys) {
        return new Pseudonymizer(keys, keys.primaryDeriveKey());
    }

    /** HMAC and FF1 under the derive key {@code deriveKeyId} (to reverse FF1 values made before a rotation). */
    public static Pseudonymizer of(PseudonymKeys keys, int deriveKeyId) {
        return new Pseudonymizer(keys, deriveKeyId);
    }

    /** Rows read and written, and cells changed. */
    public record Result(long rows, long cells) {
    }

    public Result pseudonymize(Path in, Path out, List<ColumnRule> rules) {
        return run(in, out, rules, true, rows -> { });
    }

    /**
     * Turns token and FPE columns back into the original values. {@code beforeCommit} runs with the row count after
     * every row is written and before the output appears (the audit line goes there: if it cannot be written, no
     * output appears either).
     */
    public Result reidentify(Path in, Path out, List<ColumnRule> rules, LongConsumer beforeCommit) {
        for (ColumnRule r : rules) {
            if (!r.method().reversible()) {
                throw new DataInputException("--columns: " + r.column() + ":hmac cannot be reidentified; HMAC is "
                        + "one-way (only token and fpe columns can be reversed)");
            }
        }
        return run(in, out, rules, false, beforeCommit);
    }

    private Result run(Path in, Path out, List<ColumnRule> rules, boolean forward, LongConsumer beforeCommit) {
        if (in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw new DataInputException(out + ": the output must not be the input file");
        }
        try (RowReader reader = Tables.open(in)) {
            int[] index = new int[rules.size()];
            @SuppressWarnings("unchecked")
            UnaryOperator<String>[] ops = new UnaryOperator[rules.size()];
            for (int i = 0; i < rules.size(); i++) {
                index[i] = reader.indexOf(rules.get(i).column());
                ops[i] = operator(rules.get(i).method(), forward);
            }
            long cells = 0;
            try (RowWriter writer = RowWriter.create(out, reader.columns())) {
                for (String[] row; (row = reader.next()) != null; ) {
                    for (int i = 0; i < index.length; i++) {
                        String v = row[index[i]];
                        if (v == null || v.isEmpty()) continue;
                        row[index[i]] = apply(ops[i], v, in, reader.rowNumber(), rules.get(i), forward);
                        cells++;
                    }
                    writer.write(row);
                }
                beforeCommit.accept(writer.rows());
                writer.commit();
                return new Result(writer.rows(), cells);
            }
        }
    }

    private static String apply(UnaryOperator<String> op, String value, Path in, long row, ColumnRule rule,
                                boolean forward) {
        try {
            return op.apply(value);
        } catch (IllegalArgumentException e) {
            throw new DataInputException(in + ": row " + row + ", column '" + rule.column() + "' (" + rule.method().label()
                    + "): the value " + e.getMessage() + (forward ? "" : reverseHint(rule.method())));
        }
    }

    private static String reverseHint(Method method) {
        return method == Method.TOKEN
                ? " — wrong keyset, the key that made it was destroyed, or the column is not a token column"
                : "";
    }

    private UnaryOperator<String> operator(Method method, boolean forward) {
        return switch (method) {
            case HMAC -> {
                KeyedHash h = keys.hmac(deriveKey);
                yield h::hex;
            }
            case TOKEN -> forward
                    ? v -> keys.tokens().token(v, PseudonymKeys.CONTEXT)
                    : v -> keys.tokens().untoken(v, PseudonymKeys.CONTEXT)
                            .orElseThrow(() -> new IllegalArgumentException("is not a token of this keyset"));
            case FPE -> {
                FormatPreservingEncryption f = keys.fpe(deriveKey);
                yield forward ? v -> f.encryptDigits(v, PseudonymKeys.CONTEXT) : v -> f.decryptDigits(v, PseudonymKeys.CONTEXT);
            }
        };
    }
}
