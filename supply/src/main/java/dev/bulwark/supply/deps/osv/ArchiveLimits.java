package dev.bulwark.supply.deps.osv;

/**
 * Bounds on what an update may download and unpack, so a hostile or broken server cannot fill the disk or memory.
 * Defaults fit OSV's largest per-ecosystem archive (npm) with room to grow.
 *
 * @param maxDownloadBytes   largest file we download
 * @param maxEntries         most entries an archive may hold
 * @param maxEntryBytes      largest single record once unpacked
 * @param maxTotalBytes      most bytes all entries may unpack to
 * @param maxRatio           largest unpacked/packed ratio for an entry over 1 MiB (a zip bomb has thousands)
 * @param maxInvalidPermille invalid records tolerated per thousand before the archive counts as corrupt
 */
public record ArchiveLimits(long maxDownloadBytes, int maxEntries, int maxEntryBytes, long maxTotalBytes,
                            int maxRatio, int maxInvalidPermille) {
    public static final ArchiveLimits DEFAULT = new ArchiveLimits(2L << 30, 2_000_000, OsvParser.MAX_RECORD_BYTES,
            16L << 30, 200, 10);
}
