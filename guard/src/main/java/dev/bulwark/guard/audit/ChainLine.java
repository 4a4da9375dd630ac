package dev.bulwark.guard.audit;

/**
 * One sealed record ready to store: its chain position, hashes and canonical bytes (no trailing newline).
 *
 * @param type the record type id ({@code event}, {@code checkpoint}, {@code gap}, {@code torn-tail})
 */
record ChainLine(String instance, long seq, String type, String prev, String hash, byte[] bytes) {
}
