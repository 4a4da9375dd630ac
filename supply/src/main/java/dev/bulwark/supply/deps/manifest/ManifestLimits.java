package dev.bulwark.supply.deps.manifest;

/**
 * Bounds on reading one manifest: hostile or broken files are refused with a {@link ManifestException}, never read
 * further.
 *
 * @param maxFileBytes    size of one manifest or lock file
 * @param maxNesting      nesting of JSON / YAML / TOML / XML structures
 * @param maxIncludeDepth {@code -r} / {@code -c} chains in requirements files
 * @param maxEntries      dependencies read from one file (includes counted)
 * @param maxLineLength   one logical line of a requirements file, continuations joined
 */
public record ManifestLimits(long maxFileBytes, int maxNesting, int maxIncludeDepth, int maxEntries, int maxLineLength) {
    public ManifestLimits {
        if (maxFileBytes <= 0 || maxNesting <= 0 || maxIncludeDepth < 0 || maxEntries <= 0 || maxLineLength <= 0) {
            throw new IllegalArgumentException("manifest limits must be positive");
        }
    }

    /** 64 MiB files (the largest real package-lock.json files are tens of MB), nesting 200, 10 include levels. */
    public static ManifestLimits defaults() {
        return new ManifestLimits(64L << 20, 200, 10, 200_000, 64 * 1024);
    }
}
