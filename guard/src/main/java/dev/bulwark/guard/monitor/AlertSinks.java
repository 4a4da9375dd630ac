package dev.bulwark.guard.monitor;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;

/** Fans an alert out to every sink; a failing sink is logged and never stops the others or the request. */
final class AlertSinks implements AutoCloseable {
    private static final Logger LOG = System.getLogger(AlertSinks.class.getName());
    private final List<AlertSink> sinks;

    AlertSinks(List<AlertSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    void fire(ExtractionAlert alert) {
        for (AlertSink sink : sinks) {
            try {
                sink.accept(alert);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, () -> "alert sink " + sink.getClass().getSimpleName() + " failed: "
                        + e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public void close() {
        for (AlertSink sink : sinks) {
            try {
                sink.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, () -> "closing alert sink " + sink.getClass().getSimpleName() + " failed: "
                        + e.getClass().getSimpleName());
            }
        }
    }
}
