package dev.bulwark.supply.model;

/**
 * Bounds on the work one scan may do. A file that needs more is reported as {@link IssueKind#NOT_VERIFIED}, never
 * read further.
 *
 * @param maxDepth           archive nesting (a zip in a tar in a zip is depth 3)
 * @param maxEntries         members read from one archive
 * @param maxExpandedBytes   bytes produced by decompression across one top-level file (zip-bomb guard)
 * @param maxRatio           decompressed / compressed size of one member before it counts as a bomb
 * @param maxHeaderBytes     a format's header or metadata (safetensors JSON header, GGUF metadata, Keras config)
 * @param maxPickleOps       opcodes simulated in one pickle
 * @param maxStackDepth      pickle stack and mark depth
 */
public record ScanLimits(int maxDepth, int maxEntries, long maxExpandedBytes, long maxRatio, long maxHeaderBytes,
                         long maxPickleOps, int maxStackDepth) {
    public static ScanLimits defaults() {
        return new ScanLimits(5, 100_000, 32L << 30, 1_000, 100L << 20, 50_000_000, 100_000);
    }
}
