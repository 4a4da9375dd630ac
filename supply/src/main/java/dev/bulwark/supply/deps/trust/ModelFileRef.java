package dev.bulwark.supply.deps.trust;

import java.util.Objects;

/**
 * A model file the model scanner found, as the dependency checks need it: where it is and its format as the
 * scanner names it ("pytorch-zip", "keras", "gguf", …). Lets a vulnerable loader be named together with the files
 * it would load.
 */
public record ModelFileRef(String path, String format) {
    public ModelFileRef {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
    }
}
