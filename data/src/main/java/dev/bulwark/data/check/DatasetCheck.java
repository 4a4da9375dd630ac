package dev.bulwark.data.check;

import dev.bulwark.core.CheckContext;
import dev.bulwark.core.CheckDescriptor;
import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.Finding;
import dev.bulwark.core.LocalFilesCheck;
import dev.bulwark.core.VerdictTally;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.core.scope.DatasetTarget;
import dev.bulwark.data.scan.DatasetScan;
import dev.bulwark.data.scan.DatasetScanner;
import dev.bulwark.data.scan.ScanFindings;
import dev.bulwark.data.scan.ScanOptions;
import dev.bulwark.data.table.DataInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A scope's {@code dataset} target inside {@code bulwark assess}: the same scan as {@code bulwark scan data} on every
 * table under the target's paths, its findings attributed to the target so they join the scenarios (personal data in
 * training data plus a model that leaks it). Sends nothing. A file that cannot be read is named in the outcome and
 * the others are still scanned.
 */
public final class DatasetCheck extends LocalFilesCheck<DatasetTarget> {
    /** Tables a folder may hold; a path given explicitly is read whatever its name (by content). */
    private static final Set<String> TABLE_EXTENSIONS = Set.of("csv", "tsv", "json", "jsonl", "ndjson", "parquet");
    private static final int MAX_FILES = 1000;
    private static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("data.scan",
            "Personal data, re-identification risk and poisoning in datasets", WeaknessClass.PII_IN_TRAINING_DATA,
            CheckDescriptor.Tier.CORE, "nothing: reads the target's files",
            "Reads every table under the target's paths (CSV, TSV, JSON, JSON Lines, Parquet) and reports columns"
                    + " holding personal data or secrets, the dataset's classification, the k of k-anonymity over the"
                    + " quasi-identifiers (l-diversity of a sensitive column) and poisoning indicators.");

    public DatasetCheck() {
        super(DESCRIPTOR, DatasetTarget.class);
    }

    @Override
    protected CheckOutcome scan(DatasetTarget data, CheckContext context) {
        ScanOptions options = ScanOptions.defaults().withQuasiIdentifiers(data.quasiIdentifiers())
                .withSensitive(data.sensitive().orElse(null)).withLabel(data.label().orElse(null));
        options = data.sampleRows() == 0 ? options.full() : options.withSampleRows(data.sampleRows());
        List<Path> files;
        try {
            files = tables(data.paths());
        } catch (UncheckedIOException e) {
            return CheckOutcome.notTested("could not list " + data.paths() + ": " + e.getCause().getMessage(),
                    VerdictTally.EMPTY.error(e.getCause().getMessage()));
        }
        DatasetScanner scanner = DatasetScanner.standard();
        var findings = new ArrayList<Finding>();
        var problems = new ArrayList<String>();
        int scanned = 0;
        int withFindings = 0;
        for (Path file : files) {
            try {
                DatasetScan scan = scanner.scan(file, options);
                List<Finding> found = ScanFindings.of(scan);
                found.forEach(f -> findings.add(f.forTarget(data.id(), data.assets())));
                scanned++;
                if (found.stream().anyMatch(f -> !f.check().equals(ScanFindings.CLASSIFICATION))) withFindings++;
                context.progress("scanned " + file.getFileName());
            } catch (DataInputException e) {
                problems.add(e.getMessage());
            }
        }
        if (scanned == 0) {
            String why = problems.isEmpty() ? "no tables under " + data.paths() : String.join("; ", problems);
            return CheckOutcome.notTested(why, VerdictTally.EMPTY.error(why));
        }
        int hits = Math.min(withFindings, scanned);
        var tally = new VerdictTally(hits, scanned - hits, problems.size(), 0, String.join("; ", problems));
        return CheckOutcome.tested(findings, tally);
    }

    /** The explicit files, and the tables found (by extension) in the folders, in a stable order. */
    static List<Path> tables(List<Path> paths) {
        var out = new ArrayList<Path>();
        for (Path p : paths) {
            if (Files.isRegularFile(p)) {
                out.add(p);
                continue;
            }
            try (Stream<Path> walk = Files.walk(p)) {
                walk.filter(Files::isRegularFile).filter(DatasetCheck::looksLikeTable).sorted()
                        .limit(MAX_FILES - out.size()).forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (out.size() >= MAX_FILES) break;
        }
        return out;
    }

    private static boolean looksLikeTable(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && TABLE_EXTENSIONS.contains(name.substring(dot + 1));
    }
}
