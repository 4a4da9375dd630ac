package dev.bulwark.guard.audit;

/**
 * A partial last line found when a log was reopened, moved aside rather than dropped.
 *
 * @param file   the file name it was moved to ({@code <log>.torn-<time>})
 * @param bytes  its length
 * @param sha256 its hash, so the moved file can be checked later
 */
record TornTail(String file, long bytes, String sha256) {
}
