package dev.bulwark.probe.attempt;

import dev.bulwark.core.http.HttpCall;
import java.util.Objects;

/**
 * One request a check makes: a {@code label} naming the phrasing or payload family (shown in evidence and
 * progress), the call itself, and a check-specific {@code payload} its {@link Judge} needs (the planted canary,
 * the prompt text to recognise an echo…).
 */
public record ProbeAttempt<T>(String label, HttpCall call, T payload) {
    public ProbeAttempt {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(call, "call");
    }
}
