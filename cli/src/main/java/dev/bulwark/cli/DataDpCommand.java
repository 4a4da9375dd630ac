package dev.bulwark.cli;

import dev.bulwark.data.dp.BudgetExceededException;
import dev.bulwark.data.dp.DpAnswer;
import dev.bulwark.data.dp.DpEngine;
import dev.bulwark.data.dp.DpQuery;
import dev.bulwark.data.dp.PrivacyAmount;
import dev.bulwark.data.dp.PrivacyLedger;
import dev.bulwark.data.dp.RandomSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "dp", mixinStandardHelpOptions = true,
        description = {"Answer one statistical question about a dataset with differential privacy: exact discrete "
                + "noise (Laplace, or Gaussian with --delta) from a secure random source, and a privacy budget per "
                + "dataset kept in a ledger that refuses the query that would pass it.",
                "The spend is written to the ledger (fsynced) before the answer is shown; the data is read meanwhile, and a refused "
                        + "query's result is dropped unseen. See docs/data-protection.md.",
                "Exit codes: 0 answered, 1 refused (budget exhausted; nothing released), 2 bad usage, bad file or damaged ledger."},
        footer = {"", "Examples:",
                "  ./bulwark data dp people.csv --query count --where \"city = 'Lyon'\" --epsilon 0.5 --ledger dp.jsonl --budget 3",
                "  ./bulwark data dp people.csv --query mean --column age --bounds 0,100 --epsilon 0.5 --ledger dp.jsonl",
                "  ./bulwark data dp people.csv --query sum --column income --bounds 0.00,20000.00 --epsilon 1 --delta 1e-7 --ledger dp.jsonl",
                "  ./bulwark data dp people.csv --query quantile --q 0.9 --column age --bounds 0,120 --epsilon 0.5 --ledger dp.jsonl"})
final class DataDpCommand implements Callable<Integer> {
    enum Query { count, sum, mean, quantile }

    @Parameters(index = "0", paramLabel = "IN", description = "The dataset: CSV, TSV, JSON, JSON Lines or Parquet.")
    Path in;

    @Option(names = "--query", required = true, paramLabel = "KIND", description = "count, sum, mean or quantile.")
    Query query;

    @Option(names = "--column", paramLabel = "C",
            description = "The column to sum, average or rank (count: count only rows where it is not empty).")
    String column;

    @Option(names = "--where", paramLabel = "FILTER",
            description = "Rows to include, e.g. \"city = 'Lyon' and (age >= 30 or vip is not null)\"; "
                    + "operators = != < <= > >=, is [not] null, [not] in (...), and, or, not, parentheses.")
    String where;

    @Option(names = "--epsilon", required = true, paramLabel = "E", description = "The privacy cost of this query (ε > 0; smaller = more private, more noise).")
    BigDecimal epsilon;

    @Option(names = "--delta", paramLabel = "D",
            description = "Use (ε, δ)-DP with discrete Gaussian noise (δ > 0, e.g. 1e-7); default pure ε-DP with discrete Laplace noise.")
    BigDecimal delta;

    @Option(names = "--bounds", paramLabel = "LO,HI",
            description = "Required for sum, mean and quantile: values are clamped to [LO, HI]. Pick them from what the "
                    + "column can hold, not from the data. Their decimals set the resolution (0,100.00 → 2 decimals).")
    String bounds;

    @Option(names = "--decimals", paramLabel = "D", description = "Round values to D decimals (default: as many as --bounds is written with).")
    Integer decimals;

    @Option(names = "--q", paramLabel = "Q", defaultValue = "0.5", description = "The quantile for --query quantile (default 0.5, the median).")
    BigDecimal q;

    @Option(names = "--ledger", required = true, paramLabel = "FILE", description = "The privacy-budget ledger (created on first use).")
    Path ledger;

    @Option(names = "--budget", paramLabel = "E_TOTAL",
            description = "The dataset's total ε, fixed by its first query (default 1). Cannot be changed later.")
    BigDecimal budget;

    @Option(names = "--budget-delta", paramLabel = "D_TOTAL",
            description = "The dataset's total δ, fixed with the budget (default 0.000001).")
    BigDecimal budgetDelta;

    @Option(names = "--timing", description = "Print timings to stderr (in-process total and DuckDB's query).")
    boolean timing;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        DpQuery dpQuery = dpQuery();
        PrivacyAmount total = null;
        if (budget != null || budgetDelta != null) {
            total = amount(budget != null ? budget : PrivacyAmount.DEFAULT_BUDGET.epsilon(),
                    budgetDelta != null ? budgetDelta : PrivacyAmount.DEFAULT_BUDGET.delta(), "--budget");
        }
        DpAnswer answer;
        try {
            answer = new DpEngine(PrivacyLedger.at(ledger), RandomSource.secure()).answer(in, dpQuery, total);
        } catch (BudgetExceededException e) {
            spec.commandLine().getErr().println("bulwark: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitCode.FINDINGS;
        }
        print(answer);
        if (timing) {
            // process CPU (all threads, JVM start included) says more than wall time on a busy machine
            long cpu = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
            spec.commandLine().getErr().printf(Locale.ROOT, "timing: in-process %.1f ms (SQL query %.1f ms);"
                    + " process CPU since JVM start %.1f ms%n", (System.nanoTime() - start) / 1e6, answer.queryNanos() / 1e6, cpu / 1e6);
            spec.commandLine().getErr().flush();
        }
        return ExitCode.OK;
    }

    private DpQuery dpQuery() {
        BigDecimal lo = null;
        BigDecimal hi = null;
        if (bounds != null) {
            String[] parts = bounds.split(",", -1);
            if (parts.length != 2) throw new BadInputException("--bounds: expected LO,HI, got '" + bounds + "'");
            try {
                lo = new BigDecimal(parts[0].strip());
                hi = new BigDecimal(parts[1].strip());
            } catch (NumberFormatException e) {
                throw new BadInputException("--bounds: not numbers: '" + bounds + "'");
            }
        }
        var privacy = amount(epsilon, delta == null ? BigDecimal.ZERO : delta, "--epsilon/--delta");
        if (delta != null && delta.signum() <= 0) throw new BadInputException("--delta must be above 0 (leave it out for pure ε-DP)");
        var kind = DpQuery.Kind.valueOf(query.name().toUpperCase(Locale.ROOT));
        return new DpQuery(kind, column, where, privacy, lo, hi, kind == DpQuery.Kind.QUANTILE ? q : null,
                decimals != null ? decimals : DpQuery.decimalsOf(lo, hi));
    }

    private static PrivacyAmount amount(BigDecimal e, BigDecimal d, String option) {
        try {
            return new PrivacyAmount(e, d);
        } catch (IllegalArgumentException ex) {
            throw new BadInputException(option + ": " + ex.getMessage());
        }
    }

    private void print(DpAnswer a) {
        var out = System.out;
        PrivacyLedger.Receipt r = a.receipt();
        out.println(a.query().describe() + " in " + in);
        out.println("answer:        " + a.value());
        out.println("95% error:     " + a.error() + (a.error().startsWith("±")
                ? "  (the true value is this close to the answer with 95% probability)"
                : a.error().startsWith("[") ? "  (holds the true value with 95% probability)" : ""));
        out.println("mechanism:     " + a.mechanism());
        out.println("spent now:     " + a.cost());
        out.println("budget left:   " + r.left() + " of " + r.budget() + (r.created() ? " (budget set now)" : "")
                + ", ledger " + ledger);
        for (String note : a.notes()) out.println("note: " + note);
        out.flush();
    }
}
