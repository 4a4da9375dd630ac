package dev.bulwark.guard.config;

import java.time.Duration;

/**
 * How long a client may take, so that slow or stalled clients cannot hold connections and memory (slowloris): a
 * connection silent in both directions for {@code silence} is closed (it must outlast the slowest upstream reply,
 * which is silent too), the whole body must arrive within {@code body} of the headers (else 408 and close), and a
 * connection must complete a request's headers within {@code idle} of opening or of its last reply.
 */
public record ClientTimeouts(Duration silence, Duration body, Duration idle) {
    public static final ClientTimeouts DEFAULTS =
            new ClientTimeouts(Duration.ofSeconds(180), Duration.ofSeconds(60), Duration.ofSeconds(75));
}
