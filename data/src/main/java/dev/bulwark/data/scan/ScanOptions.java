package dev.bulwark.data.scan;

import java.util.List;

/**
 * How to scan a dataset.
 *
 * @param sampleRows       rows profiled for PII and secrets and checked for poisoning (the first ones); {@link
 *                         Long#MAX_VALUE} for all. k and l are always measured over every row.
 * @param quasiIdentifiers quasi-identifier columns; empty to detect them from names and values
 * @param sensitive        the sensitive column for l-diversity; null to detect it from names
 * @param label            the label column for poisoning indicators; null to detect it from names
 * @param threads          workers scanning cells (at least 1)
 */
public record ScanOptions(long sampleRows, List<String> quasiIdentifiers, String sensitive, String label,
                          int threads) {
    public static final long DEFAULT_SAMPLE_ROWS = 10_000;

    public ScanOptions {
        if (sampleRows < 1) throw new IllegalArgumentException("sample rows must be at least 1: " + sampleRows);
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
        quasiIdentifiers = List.copyOf(quasiIdentifiers);
    }

    /** The first 10,000 rows, everything detected, one worker per processor. */
    public static ScanOptions defaults() {
        return new ScanOptions(DEFAULT_SAMPLE_ROWS, List.of(), null, null, Runtime.getRuntime().availableProcessors());
    }

    public ScanOptions withSampleRows(long rows) {
        return new ScanOptions(rows, quasiIdentifiers, sensitive, label, threads);
    }

    public ScanOptions full() {
        return withSampleRows(Long.MAX_VALUE);
    }

    public ScanOptions withQuasiIdentifiers(List<String> columns) {
        return new ScanOptions(sampleRows, columns, sensitive, label, threads);
    }

    public ScanOptions withSensitive(String column) {
        return new ScanOptions(sampleRows, quasiIdentifiers, column, label, threads);
    }

    public ScanOptions withLabel(String column) {
        return new ScanOptions(sampleRows, quasiIdentifiers, sensitive, column, threads);
    }

    public ScanOptions withThreads(int count) {
        return new ScanOptions(sampleRows, quasiIdentifiers, sensitive, label, count);
    }
}
