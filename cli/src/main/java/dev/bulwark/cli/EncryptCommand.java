package dev.bulwark.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "encrypt", mixinStandardHelpOptions = true,
        description = {"Encrypt a file at rest with Tink streaming AEAD (AES-256-GCM-HKDF, 1 MB segments): any size "
                + "in constant memory; every segment authenticated. The output appears whole or not at all."},
        footer = {"", "Examples:", "  ./bulwark keys create /secure/files.keyset.json --files",
                "  ./bulwark encrypt train.parquet --keyset /secure/files.keyset.json   # writes train.parquet.enc"})
final class EncryptCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = "--keyset", paramLabel = "K", description = "A files keyset (keys create --files); default: $"
            + FileKeyset.ENV + ".")
    Path keyset;

    @Option(names = "--out", paramLabel = "F", description = "Output file (default: FILE.enc).")
    Path out;

    @Option(names = "--force", description = "Replace the output file if it exists.")
    boolean force;

    @Override
    public Integer call() {
        Path target = FileKeyset.checkOutput(out != null ? out : file.resolveSibling(file.getFileName() + ".enc"), force);
        long bytes = FileKeyset.open(keyset).encrypt(file, target);
        System.out.println("Encrypted " + bytes + " bytes of " + file + " into " + target + ".");
        return ExitCode.OK;
    }
}
