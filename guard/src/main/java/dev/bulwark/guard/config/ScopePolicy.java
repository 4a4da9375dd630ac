package dev.bulwark.guard.config;

import java.util.List;

/**
 * {@code policies.input.scope}: the topic rail. Off unless examples are given.
 *
 * @param action    {@link Action#BLOCK}, {@link Action#FLAG} or {@link Action#OFF}
 * @param examples  requests the assistant is for (from {@code examples} and {@code examplesFile})
 * @param threshold similarity to the nearest example at or above which a turn is in scope
 */
public record ScopePolicy(Action action, List<String> examples, double threshold) {
    /** No rail. */
    public static final ScopePolicy OFF = new ScopePolicy(Action.OFF, List.of(), GuardDefaults.SCOPE_THRESHOLD);

    public ScopePolicy {
        examples = List.copyOf(examples);
    }

    /** Whether the rail judges requests at all. */
    public boolean on() {
        return action != Action.OFF && !examples.isEmpty();
    }
}
