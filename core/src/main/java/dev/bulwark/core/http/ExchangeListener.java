package dev.bulwark.core.http;

import java.net.URI;

/**
 * Observes the engagement client, for progress and an audit trail of what was sent. Called on the sending thread;
 * implementations must be thread-safe and quick. A listener that throws is ignored: observing a pentest must never
 * change what it does.
 */
public interface ExchangeListener {

    ExchangeListener NONE = new ExchangeListener() {
    };

    /** A request went out and got a reply or failed. */
    default void exchanged(Exchange exchange) {
    }

    /** A request was refused before anything was sent (out of scope, budget spent, stopped). */
    default void refused(URI uri, EngagementException.Reason reason, String message) {
    }
}
