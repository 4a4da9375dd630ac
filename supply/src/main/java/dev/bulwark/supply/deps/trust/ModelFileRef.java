package dev.bulwark.supply.deps.trust;

import dev.bulwark.supply.model.ScannedFile;
import java.util.ArrayList;
import java.util.List;

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

    /** One reference per format found in each scanned model file (files that are not models are left out). */
    public static List<ModelFileRef> of(List<ScannedFile> files) {
        var refs = new ArrayList<ModelFileRef>();
        for (ScannedFile f : files) {
            if (f.status() == ScannedFile.Status.SKIPPED) continue;
            for (String format : f.formats()) refs.add(new ModelFileRef(f.path().toString(), format));
        }
        return refs;
    }
}
