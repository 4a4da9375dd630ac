package dev.bulwark.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "decrypt", mixinStandardHelpOptions = true,
        description = {"Decrypt a file made by bulwark encrypt. A wrong keyset, a changed byte or a truncated file is "
                + "refused (exit 2) and no output is left behind."},
        footer = {"", "Examples:", "  ./bulwark decrypt train.parquet.enc --keyset /secure/files.keyset.json"})
final class DecryptCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = "--keyset", paramLabel = "K", description = "The files keyset that encrypted FILE; default: $"
            + FileKeyset.ENV + ".")
    Path keyset;

    @Option(names = "--out", paramLabel = "F", description = "Output file (default: FILE without .enc).")
    Path out;

    @Option(names = "--force", description = "Replace the output file if it exists.")
    boolean force;

    @Override
    public Integer call() {
        Path target = out;
        if (target == null) {
            String name = file.getFileName().toString();
            if (!name.endsWith(".enc") || name.length() == 4) {
                throw new BadInputException(file + ": does not end in .enc; give the output with --out F");
            }
            target = file.resolveSibling(name.substring(0, name.length() - 4));
        }
        FileKeyset.checkOutput(target, force);
        long bytes = FileKeyset.open(keyset).decrypt(file, target);
        System.out.println("Decrypted " + bytes + " bytes into " + target + ".");
        return ExitCode.OK;
    }
}
