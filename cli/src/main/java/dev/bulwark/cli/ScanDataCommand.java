package dev.bulwark.cli;

import dev.bulwark.core.Finding;
import dev.bulwark.core.Severity;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.core.engine.CheckRun;
import dev.bulwark.correlate.Assessment;
import dev.bulwark.data.scan.ColumnProfile;
import dev.bulwark.data.scan.DatasetScan;
import dev.bulwark.data.scan.DatasetScanner;
import dev.bulwark.data.scan.ScanFindings;
import dev.bulwark.data.scan.ScanOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bulwark scan data PATH...}: profiles datasets (CSV, TSV, JSON, JSON Lines, Parquet) for PII and secrets,
 * classifies them, measures k-anonymity / l-diversity and looks for poisoning indicators; writes findings.json and
 * the report formats like {@code scan model}.
 */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Scan datasets (CSV, TSV, JSON, JSON Lines, Parquet) for personal data and secrets per column,"
                + " classify them (public/internal/confidential/restricted), measure k-anonymity and l-diversity,"
                + " and look for poisoning indicators. Nothing leaves the machine.")
final class ScanDataCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Dataset files.")
    List<Path> paths;

    @ArgGroup(exclusive = true)
    Rows rows = new Rows();

    static final class Rows {
        @Option(names = "--sample", paramLabel = "N",
                description = "Profile the first N rows for PII, secrets and poisoning (default: "
                        + ScanOptions.DEFAULT_SAMPLE_ROWS + "). k and l always use every row.")
        Long sample;

        @Option(names = "--full", description = "Profile every row.")
        boolean full;
    }

    @Option(names = "--quasi", paramLabel = "COLUMNS", split = ",",
            description = "Quasi-identifier columns (default: detected from names and values).")
    List<String> quasi = List.of();

    @Option(names = "--sensitive", paramLabel = "COLUMN",
            description = "Sensitive column for l-diversity (default: detected, e.g. diagnosis, salary).")
    String sensitive;

    @Option(names = "--label", paramLabel = "COLUMN",
            description = "Label column for poisoning indicators (default: detected, e.g. label, class, target).")
    String label;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() throws IOException {
        ScanCommand.requireExisting(paths);
        for (Path p : paths) {
            if (!Files.isRegularFile(p)) throw new BadInputException(p + ": not a file (give dataset files)");
        }
        Assessor.Options options = report.options();
        ScanOptions scanOptions = scanOptions();
        Instant started = Instant.now();
        DatasetScanner scanner = DatasetScanner.standard();
        var scans = new ArrayList<DatasetScan>();
        var findings = new ArrayList<Finding>();
        var runs = new ArrayList<CheckRun>();
        for (Path p : paths) {
            DatasetScan scan = scanner.scan(p, scanOptions);
            scans.add(scan);
            findings.addAll(ScanFindings.of(scan));
            runs.addAll(checkRuns(scan));
        }
        Assessment assessment = ScanCommand.assess("scan data", started, findings, runs);
        ScanCommand.write(assessment, options);
        printSummary(scans, assessment, options.outDir());
        return ScanCommand.exitCode(assessment, options.failOn());
    }

    private ScanOptions scanOptions() {
        ScanOptions o = ScanOptions.defaults();
        if (rows.full) o = o.full();
        else if (rows.sample != null) {
            if (rows.sample < 1) throw new BadInputException("--sample: must be at least 1, got " + rows.sample);
            o = o.withSampleRows(rows.sample);
        }
        var cleaned = quasi.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (sensitive != null && cleaned.contains(sensitive)) {
            throw new BadInputException("--sensitive " + sensitive + " is also named in --quasi");
        }
        return o.withQuasiIdentifiers(cleaned).withSensitive(sensitive).withLabel(label);
    }

    private static List<CheckRun> checkRuns(DatasetScan scan) {
        String target = scan.file().toString();
        String rows = scan.rowsProfiled() + " rows profiled" + (scan.complete() ? " (all)" : " (a sample)");
        var runs = new ArrayList<CheckRun>();
        runs.add(ScanCommand.checkRun(ScanFindings.PII, target, WeaknessClass.PII_IN_TRAINING_DATA, true, rows));
        runs.add(ScanCommand.checkRun(ScanFindings.SECRETS, target, WeaknessClass.SECRETS_EXPOSED, true, rows));
        runs.add(ScanCommand.checkRun(ScanFindings.CLASSIFICATION, target, WeaknessClass.PII_IN_TRAINING_DATA, true,
                scan.classification().level().label()));
        runs.add(ScanCommand.checkRun(ScanFindings.K_ANONYMITY, target, WeaknessClass.PII_IN_TRAINING_DATA,
                scan.privacy().isPresent(), scan.privacy().isPresent() ? "every row"
                        : "no quasi-identifier columns found (name them with --quasi)"));
        boolean labelled = scan.poisoning().isPresent();
        String why = labelled ? rows : "no label column found (name it with --label)";
        runs.add(ScanCommand.checkRun(ScanFindings.LABEL_CONFLICTS, target, WeaknessClass.POISONING_INDICATORS,
                labelled, why));
        runs.add(ScanCommand.checkRun(ScanFindings.TRIGGER_TOKENS, target, WeaknessClass.POISONING_INDICATORS,
                labelled, why));
        return runs;
    }

    private static void printSummary(List<DatasetScan> scans, Assessment assessment, Path outDir) {
        var out = System.out;
        for (DatasetScan scan : scans) {
            out.printf("%s: %s (%d rows profiled%s)%n", scan.file(), scan.classification().level().label(),
                    scan.rowsProfiled(), scan.complete() ? ", all" : ", a sample");
            for (ColumnProfile c : scan.columns()) {
                String types = c.entities().stream().map(e -> String.format(Locale.ROOT, "%s %.0f%%",
                        e.type().name(), 100 * e.share())).reduce((a, b) -> a + ", " + b).orElse("");
                out.printf("  %-20s %-12s %s%s%n", c.name(), c.classification().level().label(), types,
                        c.quasiIdentifier() ? (types.isEmpty() ? "" : "; ") + "quasi-identifier" : "");
            }
            scan.privacy().ifPresent(p -> out.printf("  k = %d on %s%s%n", p.k(), String.join(", ",
                    p.quasiIdentifiers()), p.sensitive() == null ? "" : ", l = " + p.l() + " for " + p.sensitive()));
            scan.poisoning().ifPresent(p -> out.printf("  poisoning (%s): %d conflicting near-duplicates, %d trigger"
                    + " tokens%n", p.labelColumn(), p.conflictCount(), p.triggers().size()));
        }
        var counts = assessment.severityCounts();
        out.printf("  critical %d  high %d  medium %d  low %d  info %d%n", counts.get(Severity.CRITICAL),
                counts.get(Severity.HIGH), counts.get(Severity.MEDIUM), counts.get(Severity.LOW),
                counts.get(Severity.INFO));
        out.println("Data:   " + outDir.resolve("findings.json").toAbsolutePath().normalize());
    }
}
