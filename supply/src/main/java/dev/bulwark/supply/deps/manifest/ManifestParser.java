package dev.bulwark.supply.deps.manifest;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one manifest format. Implementations are stateless and thread-safe; they never execute what they read. */
public interface ManifestParser {
    /**
     * @throws ManifestException when the file is not valid for its format or exceeds {@code limits}
     * @throws IOException       when it cannot be read at all
     */
    Manifest parse(Path file, ManifestLimits limits) throws IOException, ManifestException;
}
