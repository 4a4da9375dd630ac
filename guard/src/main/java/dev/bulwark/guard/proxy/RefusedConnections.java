package dev.bulwark.guard.proxy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Reports connections refused because their address already held its share: each one counts in the metrics, and the
 * log gets at most one line a minute (a host opening connections in a loop would otherwise write one line each).
 */
final class RefusedConnections implements Consumer<String> {
    private static final Logger LOG = Logger.getLogger(RefusedConnections.class.getName());
    private static final long EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final GatewayMetrics metrics;
    private final int max;
    private final AtomicLong unlogged = new AtomicLong();
    private final AtomicLong lastLog = new AtomicLong(System.nanoTime() - EVERY_NANOS);

    RefusedConnections(GatewayMetrics metrics, int max) {
        this.metrics = metrics;
        this.max = max;
    }

    @Override
    public void accept(String address) {
        metrics.connectionRefused();
        long count = unlogged.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLog.get();
        if (now - last < EVERY_NANOS || !lastLog.compareAndSet(last, now)) return;
        unlogged.addAndGet(-count);
        LOG.warning("refused " + count + " client connection(s) since the last such line: their address held "
                + max + " open connections (listen.maxConnectionsPerAddress); the latest from " + address);
    }
}
