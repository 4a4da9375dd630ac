package dev.bulwark.guard.monitor;

/**
 * The monitor's memory bounds. Per tracked client it keeps at most about
 * {@code 8*buckets + 16*distinctCapacity + ringSize*(4*PromptFeatures.MAX_TOKENS + 40)} bytes (≈ 9 KB with the
 * defaults, most clients far less since the arrays grow on demand); at most {@code maxClients} are tracked, the least
 * recently seen dropped first.
 *
 * @param maxClients       clients tracked at once (LRU beyond)
 * @param buckets          sub-windows the sliding window is cut into
 * @param distinctCapacity hashes kept per client before the distinct count turns into a sampled estimate
 * @param ringSize         recent prompt signatures per client for the probing score
 */
public record MonitorSettings(int maxClients, int buckets, int distinctCapacity, int ringSize) {
    public static final MonitorSettings DEFAULTS = new MonitorSettings(10_000, 60, 128, 32);

    public MonitorSettings {
        require(maxClients >= 1, "maxClients must be at least 1");
        require(buckets >= 2 && buckets <= 3_600, "buckets must be in 2..3600");
        require(distinctCapacity >= 16, "distinctCapacity must be at least 16");
        require(ringSize >= 8 && ringSize <= 1_024, "ringSize must be in 8..1024");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
