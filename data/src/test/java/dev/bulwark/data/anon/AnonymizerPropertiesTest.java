package dev.bulwark.data.anon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Random tables of every shape: the output is always k-anonymous, l-diverse, and leaves other columns alone. */
class AnonymizerPropertiesTest {
    private static final List<String> COLUMNS = List.of("age", "zip", "birth", "colour", "sensitive", "other");
    private static final List<String> QUASI = List.of("age", "zip", "birth", "colour");

    static List<String[]> table(long seed, int n, int spread, int sensitiveValues, int missingPercent) {
        var random = new Random(seed);
        var rows = new ArrayList<String[]>();
        for (int i = 0; i < n; i++) {
            rows.add(new String[] {
                    maybe(random, missingPercent, String.valueOf(random.nextInt(spread) - spread / 4)),
                    maybe(random, missingPercent, String.format("%05d", random.nextInt(spread * 37))),
                    maybe(random, missingPercent, String.format("%d-%02d-%02d", 2000 + random.nextInt(1 + spread / 10),
                            1 + random.nextInt(12), 1 + random.nextInt(28))),
                    maybe(random, missingPercent, "c" + (int) Math.abs(random.nextGaussian() * spread / 3)),
                    maybe(random, missingPercent / 2, "s" + random.nextInt(sensitiveValues)),
                    "o" + i});
        }
        return rows;
    }

    private static String maybe(Random random, int missingPercent, String value) {
        return random.nextInt(100) < missingPercent ? null : value;
    }

    @Property(tries = 150)
    void everyOutputIsKAnonymousAndLDiverse(@ForAll long seed, @ForAll @IntRange(min = 2, max = 400) int n,
                                            @ForAll @IntRange(min = 1, max = 200) int spread,
                                            @ForAll @IntRange(min = 2, max = 12) int k,
                                            @ForAll @IntRange(min = 1, max = 4) int l,
                                            @ForAll @IntRange(min = 1, max = 8) int sensitiveValues,
                                            @ForAll @IntRange(min = 0, max = 30) int missingPercent) {
        List<String[]> in = table(seed, n, spread, sensitiveValues, missingPercent);
        var distinct = new HashSet<String>();
        for (String[] row : in) if (row[4] != null) distinct.add(row[4]);
        if (n < k || l > distinct.size()) return; // refused up front; covered by the unit tests
        List<String[]> original = Recount.copy(in);
        var result = Anonymizer.anonymize(COLUMNS, in, new AnonymizationSpec(QUASI, "sensitive", k, l, null));
        Recount.assertAnonymous(COLUMNS, original, result.rows(), QUASI, "sensitive", k, l);
        for (int r = 0; r < n; r++) assertThat(in.get(r)).containsExactly(original.get(r)); // input untouched
        for (int r = 0; r < n; r++) {
            String[] out = result.rows().get(r);
            assertThat(Recount.covers(QuasiType.NUMERIC, out[0], in.get(r)[0])).as("age").isTrue();
            assertThat(Recount.covers(QuasiType.CODE, out[1], in.get(r)[1])).as("zip").isTrue();
            assertThat(Recount.covers(QuasiType.DATE, out[2], in.get(r)[2])).as("birth").isTrue();
            assertThat(out[3]).as("colour").isIn(in.get(r)[3], "*");
        }
        var report = result.report();
        assertThat(report.achieved().k()).isGreaterThanOrEqualTo(k);
        assertThat(report.certaintyPenalty()).isBetween(0.0, 1.0);
        assertThat(report.suppressed()).isBetween(0L, (long) n);
    }

    @Property(tries = 200)
    void everyGeneralizerCoversWhatItGeneralizes(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int n,
                                                 @ForAll @IntRange(min = 1, max = 500) int spread,
                                                 @ForAll @IntRange(min = 0, max = 20) int missingPercent) {
        List<String[]> rows = table(seed, n, spread, 3, missingPercent);
        var random = new Random(seed);
        QuasiType[] expected = {QuasiType.NUMERIC, QuasiType.CODE, QuasiType.DATE, QuasiType.CATEGORICAL};
        for (int c = 0; c < 4; c++) {
            Dimension dim = Encoder.encode(Path.of("t"), COLUMNS.get(c), rows, c, Hierarchies.none());
            if (rows.stream().anyMatch(row -> row[2] != null) && c == 2) assertThat(dim.type()).isEqualTo(expected[c]);
            for (int trial = 0; trial < 20; trial++) {
                int a = random.nextInt(dim.size());
                int b = random.nextInt(dim.size());
                int lo = Math.min(a, b);
                int hi = Math.max(a, b);
                String label = dim.label(lo, hi);
                double loss = dim.loss(lo, hi);
                assertThat(loss).isBetween(0.0, 1.0);
                if (lo == hi) assertThat(loss).isZero();
                for (int r = 0; r < n; r++) {
                    int code = dim.codes()[r];
                    if (code < lo || code > hi) continue;
                    String value = rows.get(r)[c];
                    if (lo == hi) assertThat(label).isEqualTo(value);
                    else if (dim.type() == QuasiType.CATEGORICAL) assertThat(label).isEqualTo("*");
                    else assertThat(Recount.covers(dim.type(), label, value)).as("%s covers %s", label, value).isTrue();
                }
            }
        }
    }
}
