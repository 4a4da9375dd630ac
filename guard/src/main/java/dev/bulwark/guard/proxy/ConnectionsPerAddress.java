package dev.bulwark.guard.proxy;

import dev.bulwark.guard.config.AddressBlock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Open client connections per remote address, capped: the connection deadlines bound how long a slow client holds a
 * connection, this bounds how many one address holds at once, so that a single host cannot take every file descriptor
 * (slowloris from one machine). IPv6 addresses count by their /64 ({@link AddressBlock#subscriber}). Shared by every
 * listener's event loop. Trusted proxies are exempt: every client behind them shares their address.
 */
final class ConnectionsPerAddress {
    private static final Runnable NOTHING = () -> { };

    private final int max;
    private final Predicate<String> exempt;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

    /** @param max most open connections per address, 0 for no cap */
    ConnectionsPerAddress(int max, Predicate<String> exempt) {
        this.max = max;
        this.exempt = exempt;
    }

    /**
     * Counts a new connection from {@code peer}; returns what to run when it closes, or null when its address
     * already holds {@code max} and the connection must be refused.
     */
    Runnable admit(String peer) {
        if (max == 0 || peer == null || exempt.test(peer)) return NOTHING;
        String address = AddressBlock.subscriber(peer);
        if (open.merge(address, 1, Integer::sum) > max) {
            release(address);
            return null;
        }
        var released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) release(address);
        };
    }

    /** Connections {@code peer} (with the rest of its /64, for IPv6) holds now (counted ones only). */
    int open(String peer) {
        return open.getOrDefault(AddressBlock.subscriber(peer), 0);
    }

    /** Addresses holding at least one counted connection (the map never keeps an address with none). */
    int addresses() {
        return open.size();
    }

    private void release(String address) {
        open.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }
}
