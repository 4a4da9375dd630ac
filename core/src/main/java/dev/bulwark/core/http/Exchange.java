package dev.bulwark.core.http;

import java.net.URI;
import java.time.Duration;

/**
 * One request that left the machine and what came of it, as told to an {@link ExchangeListener}. {@code status} is
 * 0 and {@code error} non-empty when no reply arrived.
 */
public record Exchange(String method, URI uri, int status, int bodyBytes, boolean truncated, Duration elapsed,
                       String error) {
    public Exchange {
        error = error == null ? "" : error;
    }

    public boolean failed() {
        return !error.isEmpty();
    }
}
