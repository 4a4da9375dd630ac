package dev.bulwark.cli;

import dev.bulwark.data.anon.AnonymizationReport;
import dev.bulwark.data.anon.AnonymizationSpec;
import dev.bulwark.data.anon.Anonymizer;
import dev.bulwark.data.privacy.EquivalenceClasses;
import dev.bulwark.data.anon.Hierarchies;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "anonymize", mixinStandardHelpOptions = true,
        description = {"Write a k-anonymous (and with --l, l-diverse) copy of a table: quasi-identifier columns are "
                + "generalized (numbers to ranges, dates to month/year, postcodes to prefixes, categories up a "
                + "hierarchy) by Mondrian partitioning; every other column and the row order stay as they are.",
                "OUT appears whole or not at all; its format follows its extension (csv, tsv, json, jsonl, parquet). "
                        + "See docs/data-protection.md."},
        footer = {"", "Examples:",
                "  ./bulwark data anonymize patients.csv out.csv --quasi age,zip,gender --k 5",
                "  ./bulwark data anonymize patients.csv out.parquet --quasi age,zip,city --sensitive diagnosis "
                        + "--k 5 --l 2 --hierarchy cities.csv"})
final class DataAnonymizeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "Table to read (CSV, TSV, JSON, JSON Lines, Parquet).")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Table to write; replaced only when the run succeeds.")
    Path out;

    @Option(names = "--quasi", required = true, split = ",", paramLabel = "COLUMNS",
            description = "Quasi-identifiers: columns someone could match against other data (age, zip, gender...).")
    List<String> quasi;

    @Option(names = "--sensitive", paramLabel = "COLUMN",
            description = "The sensitive column (never changed); needed for --l, and its l is reported.")
    String sensitive;

    @Option(names = "--k", required = true, paramLabel = "K",
            description = "Every combination of generalized quasi-identifiers occurs at least K times (K >= 2).")
    int k;

    @Option(names = "--l", defaultValue = "1", paramLabel = "L",
            description = "Each such group holds at least L distinct sensitive values (default 1: not required).")
    int l;

    @Option(names = "--hierarchy", paramLabel = "FILE",
            description = "Category hierarchies and type overrides (CSV: COLUMN,VALUE,GROUP,...,* and @type,COLUMN,TYPE).")
    Path hierarchy;

    @Override
    public Integer call() {
        List<String> columns = quasi.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
        var hierarchies = hierarchy == null ? Hierarchies.none() : Hierarchies.read(hierarchy, columns);
        var spec = new AnonymizationSpec(columns, sensitive, k, l, hierarchies);
        AnonymizationReport report = Anonymizer.anonymize(in, out, spec);
        print(report);
        return ExitCode.OK;
    }

    private void print(AnonymizationReport report) {
        EquivalenceClasses achieved = report.achieved();
        var o = System.out;
        o.printf(Locale.ROOT, "Wrote %d rows to %s; generalized %s.%n", report.rows(), out,
                String.join(", ", report.types().entrySet().stream()
                        .map(e -> e.getKey() + " (" + e.getValue().name().toLowerCase(Locale.ROOT) + ")").toList()));
        o.printf(Locale.ROOT, "achieved: k = %d%s (asked k = %d%s), %d equivalence classes%n", achieved.k(),
                sensitive == null ? "" : ", l = " + achieved.l(), k, l > 1 ? ", l = " + l : "", achieved.classes());
        o.printf(Locale.ROOT, "information loss: certainty penalty %.3f (0 = unchanged, 1 = all \"*\"), "
                        + "average class size %.1f, discernibility %.0f%n", report.certaintyPenalty(),
                report.averageClassSize(), report.discernibility());
        o.printf(Locale.ROOT, "rows suppressed: %d (every quasi-identifier fully generalized); no row removed%n",
                report.suppressed());
    }
}
