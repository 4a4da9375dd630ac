package dev.bulwark.cli;

import dev.bulwark.data.files.FileEncryption;
import dev.bulwark.data.keys.Keyset;
import java.nio.file.Files;
import java.nio.file.Path;

/** The keyset and output path rules shared by {@code encrypt} and {@code decrypt}. */
final class FileKeyset {
    static final String ENV = "BULWARK_FILES_KEYSET";

    private FileKeyset() {
    }

    static FileEncryption open(Path keyset) {
        Path file = keyset;
        if (file == null) {
            String env = System.getenv(ENV);
            if (env == null || env.isBlank()) {
                throw new BadInputException("--keyset FILE is needed (or " + ENV + "); make one with: bulwark keys "
                        + "create FILE --files");
            }
            file = Path.of(env);
        }
        return FileEncryption.of(Keyset.read(file), file);
    }

    /** The output must not exist unless {@code force}: a default name never silently replaces a file. */
    static Path checkOutput(Path out, boolean force) {
        if (!force && Files.exists(out)) {
            throw new BadInputException(out + ": already exists; choose another --out or add --force to replace it");
        }
        return out;
    }
}
