package dev.bulwark.guard.proxy;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Open client connections per remote address, capped: the connection deadlines bound how long a slow client holds a
 * connection, this bounds how many one address holds at once, so that a single host cannot take every file descriptor
 * (slowloris from one machine). Shared by every listener's event loop. Trusted proxies are exempt: every client
 * behind them shares their address.
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
     * Counts a new connection from {@code address}; returns what to run when it closes, or null when the address
     * already holds {@code max} and the connection must be refused.
     */
    Runnable admit(String address) {
        if (max == 0 || address == null || exempt.test(address)) return NOTHING;
        if (open.merge(address, 1, Integer::sum) > max) {
            release(address);
            return null;
        }
        var released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) release(address);
        };
    }

    /** Connections {@code address} holds now (counted ones only). */
    int open(String address) {
        return open.getOrDefault(address, 0);
    }

    /** Addresses holding at least one counted connection (the map never keeps an address with none). */
    int addresses() {
        return open.size();
    }

    private void release(String address) {
        open.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }
}
