package dev.bulwark.supply.model;

import java.util.Locale;
import java.util.Set;

/**
 * File names that claim a model format. Content decides the format; the name only decides whether content no reader
 * recognises is "not a model" (skipped) or "claims to be a model but cannot be verified" (reported).
 */
public final class ModelClaims {
    private static final Set<String> MODEL_EXTENSIONS = Set.of("pt", "pth", "bin", "pkl", "pickle", "joblib", "ckpt",
            "h5", "hdf5", "keras", "onnx", "safetensors", "gguf", "npy", "npz", "pb", "msgpack", "mar", "nemo",
            "tflite", "dill");

    private ModelClaims() {
    }

    /** True when the last segment of {@code name} (a path or an archive entry) ends in a model extension. */
    public static boolean claimsModel(String name) {
        if (name == null) return false;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        String last = name.substring(slash + 1);
        int dot = last.lastIndexOf('.');
        if (dot < 0 || dot == last.length() - 1) return false;
        return MODEL_EXTENSIONS.contains(last.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
