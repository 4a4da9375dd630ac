package dev.bulwark.cli;

import dev.bulwark.data.keys.Keyset;
import dev.bulwark.data.pseudo.ColumnRule;
import dev.bulwark.data.pseudo.PseudonymKeys;
import dev.bulwark.data.pseudo.Pseudonymizer;
import dev.bulwark.data.pseudo.ReidentifyAudit;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "reidentify", mixinStandardHelpOptions = true,
        description = {"Turn token and fpe columns made by data pseudonymize back into the original values (hmac is "
                + "one-way). Every run appends one audit line (who, when, files, columns, row count, keyset id; never a "
                + "value) before the output appears; if the line cannot be written, nothing is reidentified."},
        footer = {"", "Examples:",
                "  ./bulwark data reidentify out.parquet back.csv --columns name:token,card:fpe "
                        + "--keyset /secure/pseudo.keyset.json"})
final class DataReidentifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "The pseudonymized dataset.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Where to write the reidentified dataset.")
    Path out;

    @Option(names = "--columns", required = true, paramLabel = "COL:METHOD,...",
            description = "Token and fpe columns to reverse, e.g. name:token,card:fpe.")
    String columns;

    @Option(names = "--keyset", required = true, paramLabel = "FILE", description = "The keyset that pseudonymized IN.")
    Path keyset;

    @Option(names = "--audit", paramLabel = "FILE",
            description = "Append-only JSONL audit log (default: KEYSET.audit.jsonl next to the keyset).")
    Path audit;

    @Option(names = "--fpe-key", paramLabel = "ID",
            description = "Derive key id for fpe columns made before a rotation (default: the current primary; "
                    + "ids are listed by keys create/rotate).")
    String fpeKey;

    @Override
    public Integer call() {
        List<ColumnRule> rules = ColumnRule.parse(columns);
        PseudonymKeys keys = PseudonymKeys.of(Keyset.read(keyset));
        int deriveKey = fpeKey == null ? keys.primaryDeriveKey() : parseKeyId(fpeKey);
        Path auditFile = audit != null ? audit : ReidentifyAudit.defaultFile(keyset);
        var result = Pseudonymizer.of(keys, deriveKey).reidentify(in, out, rules,
                rows -> ReidentifyAudit.now(in, out, rules, rows, keys, deriveKey).append(auditFile));
        System.out.println("Reidentified " + result.cells() + " values in " + result.rows() + " rows into " + out
                + "; audit line appended to " + auditFile + ".");
        return ExitCode.OK;
    }

    private static int parseKeyId(String id) {
        try {
            return Integer.parseUnsignedInt(id.strip());
        } catch (NumberFormatException e) {
            throw new BadInputException("--fpe-key: '" + id + "' is not a key id (a number as keys create/rotate print)");
        }
    }
}
