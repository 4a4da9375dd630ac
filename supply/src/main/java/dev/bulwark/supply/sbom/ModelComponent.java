package dev.bulwark.supply.sbom;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A model file for the ML-BOM, as the model scanner reports it.
 *
 * @param name      a display name (usually the file name)
 * @param path      where it was found
 * @param sha256    hex SHA-256 of the file, empty when it could not be read
 * @param format    the format the scanner recognised ("pytorch-zip", "safetensors", "gguf", …)
 * @param framework the framework that loads it ("pytorch", "keras", "llama.cpp", …), empty when unknown
 * @param risks     one line per risk found ("code execution on load: builtins.exec at offset 58"), empty when none
 */
public record ModelComponent(String name, String path, String sha256, String format, String framework,
                             List<String> risks) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    public ModelComponent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        sha256 = sha256 == null ? "" : sha256;
        if (!sha256.isEmpty() && !SHA256.matcher(sha256).matches()) throw new IllegalArgumentException("not a hex SHA-256: " + sha256);
        format = format == null ? "" : format;
        framework = framework == null ? "" : framework;
        risks = risks == null ? List.of() : List.copyOf(risks);
    }
}
