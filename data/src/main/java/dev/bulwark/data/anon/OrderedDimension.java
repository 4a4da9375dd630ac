package dev.bulwark.data.anon;

import java.util.Arrays;

/**
 * Numbers, ISO dates and digit codes: codes are ranks of the sorted distinct values, code 0 standing for a missing
 * value when the column has one. Numbers generalize to "min-max" of the partition, dates to the month, year or
 * range of years that holds the partition, codes to their common prefix with the tail masked.
 */
record OrderedDimension(String column, QuasiType type, int[] codes, String[] text, double[] position,
                        boolean hasMissing) implements Dimension {

    @Override
    public int size() {
        return text.length;
    }

    private int firstValue() {
        return hasMissing ? 1 : 0;
    }

    private double span() {
        return text.length - 1 > firstValue() ? position[text.length - 1] - position[firstValue()] : 0;
    }

    private boolean mixesMissing(int lo, int hi) {
        return hasMissing && lo == 0 && hi > 0;
    }

    @Override
    public double width(int lo, int hi) {
        if (mixesMissing(lo, hi)) return 1;
        double span = span();
        return span <= 0 ? 0 : (position[hi] - position[lo]) / span;
    }

    @Override
    public boolean canCut(int lo, int hi, int a, int b) {
        return true;
    }

    @Override
    public String label(int lo, int hi) {
        if (mixesMissing(lo, hi)) return "*";
        if (lo == hi) return text[lo];
        String a = text[lo];
        String b = text[hi];
        return switch (type) {
            case NUMERIC -> a + (a.startsWith("-") ? ".." : "-") + b;
            case DATE -> a.regionMatches(0, b, 0, 7) ? a.substring(0, 7)
                    : a.regionMatches(0, b, 0, 4) ? a.substring(0, 4) : a.substring(0, 4) + "-" + b.substring(0, 4);
            case CODE -> maskedPrefix(a, b);
            case CATEGORICAL -> throw new IllegalStateException("categorical columns are not ordered");
        };
    }

    /** The common prefix, the rest masked with '*': "02139" and "02141" → "021**". */
    static String maskedPrefix(String a, String b) {
        int p = 0;
        while (p < a.length() && p < b.length() && a.charAt(p) == b.charAt(p)) p++;
        return a.substring(0, p) + "*".repeat(Math.max(a.length(), b.length()) - p);
    }

    @Override
    public double loss(int lo, int hi) {
        if (mixesMissing(lo, hi)) return 1;
        if (lo == hi) return 0;
        double span = span();
        if (span <= 0) return 0;
        int from = firstValue();
        int to = text.length;
        String label = label(lo, hi);
        // the label claims more than the partition holds (all of "2020-03", all of "021**"): charge what it covers
        int a = switch (type) {
            case NUMERIC -> lo;
            case DATE -> lowerBound(position, from, to, DateSpan.start(label));
            case CODE -> lowerBound(text, from, to, prefixOf(label));
            case CATEGORICAL -> throw new IllegalStateException();
        };
        int b = switch (type) {
            case NUMERIC -> hi;
            case DATE -> lowerBound(position, from, to, DateSpan.end(label) + 1) - 1;
            case CODE -> lowerBound(text, from, to, prefixOf(label) + Character.MAX_VALUE) - 1;
            case CATEGORICAL -> throw new IllegalStateException();
        };
        return (position[b] - position[a]) / span;
    }

    private static String prefixOf(String masked) {
        int star = masked.indexOf('*');
        return star < 0 ? masked : masked.substring(0, star);
    }

    private static int lowerBound(double[] sorted, int from, int to, double key) {
        int i = Arrays.binarySearch(sorted, from, to, key);
        if (i < 0) return -i - 1;
        while (i > from && sorted[i - 1] == key) i--;
        return i;
    }

    private static int lowerBound(String[] sorted, int from, int to, String key) {
        int i = Arrays.binarySearch(sorted, from, to, key);
        return i < 0 ? -i - 1 : i;
    }
}
