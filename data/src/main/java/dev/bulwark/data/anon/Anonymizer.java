package dev.bulwark.data.anon;

import dev.bulwark.data.privacy.EquivalenceClasses;
import dev.bulwark.data.table.DataInputException;
import dev.bulwark.data.table.RowReader;
import dev.bulwark.data.table.RowWriter;
import dev.bulwark.data.table.Tables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * k-anonymity (and l-diversity) by generalization: the quasi-identifier columns are partitioned with strict
 * {@link Mondrian} and each row's values replaced by its partition's generalization; every other column, the
 * sensitive one included, and the row order are left exactly as they were. The output is re-measured with
 * {@link EquivalenceClasses} and refused (an {@link IllegalStateException}, nothing written) should it ever fall
 * short of the spec.
 */
public final class Anonymizer {
    /** Rows between two progress calls. */
    static final int PROGRESS_EVERY = 1 << 16;

    private Anonymizer() {
    }

    /** Anonymizes the table {@code in} into {@code out} (format from its extension), all-or-nothing. */
    public static AnonymizationReport anonymize(Path in, Path out, AnonymizationSpec spec) {
        return anonymize(in, out, spec, written -> { });
    }

    /**
     * As {@link #anonymize(Path, Path, AnonymizationSpec)}, calling {@code progress} with the rows written so far
     * every {@value #PROGRESS_EVERY} rows; if it (or anything) throws, {@code out} is left as it was.
     */
    public static AnonymizationReport anonymize(Path in, Path out, AnonymizationSpec spec, LongConsumer progress) {
        List<String> columns;
        List<String[]> rows = new ArrayList<>();
        try (RowReader reader = Tables.open(in)) {
            columns = reader.columns();
            for (String q : spec.quasiIdentifiers()) reader.indexOf(q);
            if (spec.sensitive() != null) reader.indexOf(spec.sensitive());
            for (String[] row; (row = reader.next()) != null; ) rows.add(row);
        }
        Generalization generalization = generalize(in, columns, rows, spec);
        var counter = new EquivalenceClasses.Counter(spec.quasiIdentifiers(), spec.sensitive());
        try (RowWriter writer = RowWriter.create(out, columns)) {
            for (int r = 0; r < rows.size(); r++) {
                String[] row = generalization.apply(r, rows.get(r));
                writer.write(row);
                generalization.count(counter, row);
                if ((r + 1) % PROGRESS_EVERY == 0) progress.accept(r + 1);
            }
            EquivalenceClasses achieved = checked(counter.result(), spec);
            writer.commit();
            progress.accept(rows.size());
            return generalization.report(achieved);
        }
    }

    /** The anonymized rows of an in-memory table (fresh arrays; {@code rows} untouched) and the report. */
    public static Anonymized anonymize(List<String> columns, List<String[]> rows, AnonymizationSpec spec) {
        Generalization generalization = generalize(Path.of("(table)"), columns, rows, spec);
        var counter = new EquivalenceClasses.Counter(spec.quasiIdentifiers(), spec.sensitive());
        var out = new ArrayList<String[]>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            String[] row = generalization.apply(r, rows.get(r));
            generalization.count(counter, row);
            out.add(row);
        }
        return new Anonymized(out, generalization.report(checked(counter.result(), spec)));
    }

    /** Anonymized rows and what was done. */
    public record Anonymized(List<String[]> rows, AnonymizationReport report) {
    }

    private static EquivalenceClasses checked(EquivalenceClasses achieved, AnonymizationSpec spec) {
        // Mondrian guarantees both; this re-count makes a bug fail loudly instead of publishing a weaker table
        if (achieved.k() < spec.k() || (spec.l() > 1 && achieved.l() < spec.l())) {
            throw new IllegalStateException("anonymization fell short (k " + achieved.k() + ", l " + achieved.l()
                    + "); nothing written");
        }
        return achieved;
    }

    private static Generalization generalize(Path file, List<String> columns, List<String[]> rows,
                                             AnonymizationSpec spec) {
        int[] qi = new int[spec.quasiIdentifiers().size()];
        for (int i = 0; i < qi.length; i++) qi[i] = column(file, columns, spec.quasiIdentifiers().get(i));
        int s = spec.sensitive() == null ? -1 : column(file, columns, spec.sensitive());
        if (rows.size() < spec.k()) {
            throw new DataInputException(file + ": " + rows.size() + " rows, fewer than k = " + spec.k()
                    + ": no " + spec.k() + "-anonymous version exists");
        }
        Dimension[] dims = new Dimension[qi.length];
        for (int i = 0; i < qi.length; i++) {
            dims[i] = Encoder.encode(file, spec.quasiIdentifiers().get(i), rows, qi[i], spec.hierarchies());
        }
        int[] sensitive = new int[rows.size()];
        var ids = new HashMap<String, Integer>();
        for (int r = 0; r < rows.size(); r++) {
            String v = s < 0 ? null : rows.get(r)[s];
            sensitive[r] = Encoder.missing(v) ? -1 : ids.computeIfAbsent(v, x -> ids.size());
        }
        if (spec.l() > 1 && spec.l() > ids.size()) {
            throw new DataInputException(file + ": column " + spec.sensitive() + " holds " + ids.size()
                    + " distinct values, fewer than l = " + spec.l());
        }
        var partitioning = Mondrian.partition(dims, sensitive, ids.size(), spec.k(), spec.l());
        return new Generalization(qi, s, dims, partitioning);
    }

    private static int column(Path file, List<String> columns, String name) {
        int at = columns.indexOf(name);
        if (at < 0) {
            throw new DataInputException(file + ": no column \"" + name + "\" (columns: " + String.join(", ", columns)
                    + ")");
        }
        return at;
    }

    /** Labels per partition and quasi-identifier, applied row by row. */
    private static final class Generalization {
        private final int[] qi;
        private final int sensitiveColumn;
        private final Dimension[] dims;
        private final Mondrian.Partitioning partitioning;
        private final String[][] labels;
        private final double[] loss;
        private final int[] sizes;

        Generalization(int[] qi, int sensitiveColumn, Dimension[] dims, Mondrian.Partitioning partitioning) {
            this.qi = qi;
            this.sensitiveColumn = sensitiveColumn;
            this.dims = dims;
            this.partitioning = partitioning;
            int classes = partitioning.classes();
            this.labels = new String[classes][dims.length];
            this.loss = new double[classes];
            this.sizes = new int[classes];
            for (int c = 0; c < classes; c++) {
                for (int d = 0; d < dims.length; d++) {
                    int lo = partitioning.lo(c, d);
                    int hi = partitioning.hi(c, d);
                    labels[c][d] = dims[d].label(lo, hi);
                    loss[c] += dims[d].loss(lo, hi);
                }
            }
            for (int cls : partitioning.classOf()) sizes[cls]++;
        }

        String[] apply(int r, String[] row) {
            String[] out = row.clone();
            String[] label = labels[partitioning.classOf()[r]];
            for (int d = 0; d < qi.length; d++) out[qi[d]] = label[d];
            return out;
        }

        void count(EquivalenceClasses.Counter counter, String[] row) {
            String[] values = new String[qi.length];
            for (int d = 0; d < qi.length; d++) values[d] = row[qi[d]];
            counter.add(values, sensitiveColumn < 0 ? null : row[sensitiveColumn]);
        }

        AnonymizationReport report(EquivalenceClasses achieved) {
            long n = partitioning.classOf().length;
            double discernibility = 0;
            double penalty = 0;
            long suppressed = 0;
            for (int c = 0; c < sizes.length; c++) {
                discernibility += (double) sizes[c] * sizes[c];
                penalty += loss[c] * sizes[c];
                if (loss[c] >= dims.length - 1e-9) suppressed += sizes[c];
            }
            Map<String, QuasiType> types = new LinkedHashMap<>();
            for (Dimension d : dims) types.put(d.column(), d.type());
            return new AnonymizationReport(n, sizes.length, (double) n / sizes.length, discernibility,
                    penalty / (n * dims.length), suppressed, types, achieved);
        }
    }
}
