package dev.bulwark.core.scope;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises model files by their first bytes (magic numbers), falling back to the name only where a format has no
 * magic (ONNX is plain protobuf, a SavedModel is {@code saved_model.pb}, protocol-0 pickles start with any opcode).
 */
final class ModelSniffer {
    private static final Set<String> ZIP_MODEL_EXTENSIONS = Set.of("pt", "pth", "bin", "keras", "ckpt", "mar");
    private static final Set<String> PICKLE_EXTENSIONS = Set.of("pkl", "pickle", "joblib");
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] GGUF = {'G', 'G', 'U', 'F'};
    private static final byte[] NUMPY = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final byte[] TFLITE = {'T', 'F', 'L', '3'};
    /** Far above any real safetensors header, so a random 8-byte prefix rarely passes. */
    private static final long MAX_SAFETENSORS_HEADER = 100L * 1024 * 1024;

    private ModelSniffer() {
    }

    /** The model format of a file named {@code name}, {@code size} bytes long, starting with {@code head}. */
    static Optional<String> sniff(String name, byte[] head, long size) {
        String lower = name.toLowerCase(Locale.ROOT);
        String ext = extension(lower);
        if (lower.equals("saved_model.pb")) return Optional.of("tensorflow-savedmodel");
        if (startsWith(head, ZIP)) {
            if (!ZIP_MODEL_EXTENSIONS.contains(ext)) return Optional.empty();
            return Optional.of(ext.equals("keras") ? "keras" : "pytorch");
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x80 && head[1] >= 2 && head[1] <= 5) return Optional.of("pickle");
        if (startsWith(head, HDF5)) return Optional.of("hdf5");
        if (startsWith(head, GGUF)) return Optional.of("gguf");
        if (startsWith(head, NUMPY)) return Optional.of("numpy");
        if (isSafetensors(head, size)) return Optional.of("safetensors");
        if (head.length >= 8 && Arrays.equals(head, 4, 8, TFLITE, 0, 4)) return Optional.of("tflite");
        // ONNX: a ModelProto starts with field 1 (ir_version) as a varint, tag byte 0x08.
        if (ext.equals("onnx") && head.length > 1 && head[0] == 0x08) return Optional.of("onnx");
        if (PICKLE_EXTENSIONS.contains(ext) && head.length > 0) return Optional.of("pickle");
        return Optional.empty();
    }

    /** 8-byte little-endian header length, then a JSON object that fits in the file. */
    private static boolean isSafetensors(byte[] head, long size) {
        if (head.length < 10 || head[8] != '{') return false;
        long n = 0;
        for (int i = 7; i >= 0; i--) n = (n << 8) | (head[i] & 0xff);
        return n >= 2 && n <= MAX_SAFETENSORS_HEADER && n <= size - 8;
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    static String extension(String lowerName) {
        int dot = lowerName.lastIndexOf('.');
        return dot < 0 ? "" : lowerName.substring(dot + 1);
    }
}
