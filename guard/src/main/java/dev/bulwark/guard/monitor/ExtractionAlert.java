package dev.bulwark.guard.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One suspected-extraction alert: which client, which condition, the measured value against its threshold over the
 * window. Carries numbers only, never prompt text.
 */
public record ExtractionAlert(String client, Condition condition, double value, double threshold, Duration window,
                              Instant at) {
    public ExtractionAlert {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(at, "at");
    }

    /** One line for people: "client support-app: probing 0.91 > 0.50 over PT1H". */
    public String describe() {
        return "client " + client + ": " + Verdicts.reason(condition, value, threshold, window);
    }
}
