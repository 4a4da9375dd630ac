package dev.bulwark.guard.audit;

/**
 * Where an instance's chain stands in a store when a writer opens it: the last record's seq and hash, and how many
 * records follow the last checkpoint.
 */
record ChainTail(long seq, String hash, long sinceCheckpoint) {
    static ChainTail empty(String instance) {
        return new ChainTail(0, Hashes.genesis(instance), 0);
    }
}
