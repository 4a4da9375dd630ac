package dev.bulwark.supply.model;

import java.io.IOException;

/**
 * Reads one model format. Implementations are stateless and thread-safe; the model scanner picks one by the
 * input's leading bytes ({@link #recognizes}), never by its file extension.
 */
public interface FormatReader {
    /** A short name for reports: "pickle", "pytorch-zip", "safetensors", "gguf", … */
    String format();

    /** True when {@code head} (the first up to {@link Head#SIZE} bytes of the input) is this format. */
    boolean recognizes(Head head);

    /**
     * Reads {@code input} and reports what it finds to {@code context}; containers hand their members back with
     * {@link ScanContext#scanNested}. Must stay within {@link ScanContext#limits()}; on truncated or malformed
     * input report {@link IssueKind#NOT_VERIFIED} and return, never throw for bad bytes.
     *
     * @throws IOException only when the input cannot be read at all (the scanner reports it as not verified)
     */
    void read(ModelInput input, Head head, ScanContext context) throws IOException;
}
