package dev.bulwark.cli;

import dev.bulwark.data.keys.Keyset;
import dev.bulwark.data.pseudo.ColumnRule;
import dev.bulwark.data.pseudo.PseudonymKeys;
import dev.bulwark.data.pseudo.Pseudonymizer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "pseudonymize", mixinStandardHelpOptions = true,
        description = {"Replace the values of the named columns with keyed, deterministic pseudonyms (the same value "
                + "gives the same pseudonym, so joins and counts still work); other columns and empty cells are "
                + "copied as they are. The output appears whole or not at all.",
                "Methods: hmac (HMAC-SHA256, one-way), token (Tink AES-SIV, reversible with data reidentify), "
                        + "fpe (FF1 over the digits: digits stay digits, separators stay; at least 6 digits).",
                "The output is still personal data under the GDPR: keep the keyset apart from it."},
        footer = {"", "Examples:",
                "  ./bulwark keys create /secure/pseudo.keyset.json",
                "  ./bulwark data pseudonymize customers.csv out.parquet --columns email:hmac,card:fpe,name:token "
                        + "--keyset /secure/pseudo.keyset.json"})
final class DataPseudonymizeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "The dataset (csv, tsv, json, jsonl, parquet).")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Where to write the result; format by extension.")
    Path out;

    @Option(names = "--columns", required = true, paramLabel = "COL:METHOD,...",
            description = "Columns and methods, e.g. email:hmac,card:fpe,name:token.")
    String columns;

    @Option(names = "--keyset", paramLabel = "FILE", description = "The keyset made with: bulwark keys create FILE.")
    Path keyset;

    @Override
    public Integer call() {
        List<ColumnRule> rules = ColumnRule.parse(columns);
        if (keyset == null) {
            throw new BadInputException("--keyset FILE is needed: hmac, token and fpe are all keyed (make one with: "
                    + "bulwark keys create FILE, and keep it away from the data)");
        }
        PseudonymKeys keys = PseudonymKeys.of(Keyset.read(keyset));
        var result = Pseudonymizer.of(keys).pseudonymize(in, out, rules);
        System.out.println("Pseudonymized " + result.cells() + " values in " + result.rows() + " rows ("
                + rules.stream().map(ColumnRule::toString).reduce((a, b) -> a + ", " + b).orElse("") + ") into " + out
                + " with keyset " + keys.keyset().id() + ".");
        System.out.println("The output is still personal data (GDPR art. 4(5)): keep " + keyset + " apart from it.");
        return ExitCode.OK;
    }
}
