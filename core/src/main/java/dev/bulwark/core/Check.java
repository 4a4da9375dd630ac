package dev.bulwark.core;

import dev.bulwark.core.scope.RulesOfEngagement;
import dev.bulwark.core.scope.Target;

/**
 * A scanner. Implementations are found through {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/dev.bulwark.core.Check}), so adding a check is one class and one line.
 *
 * <p>Call order: the runner asks {@link #descriptor()} once, then for every target in scope calls
 * {@link #handles(Target)} and, when true, {@link #run(Target, CheckContext)} once. A check never opens a network
 * connection itself: it sends through {@link CheckContext#http()}, which enforces the rules of engagement. It never
 * executes or deserializes what it scans. Exceptions thrown from {@code run} are recorded as an error for that
 * check and target; the rest of the engagement goes on.
 */
public interface Check {
    CheckDescriptor descriptor();

    boolean handles(Target target);

    CheckOutcome run(Target target, CheckContext context) throws InterruptedException;

    /** What {@link #plannedRequests} returns when a check cannot say in advance. */
    int UNKNOWN_REQUESTS = -1;

    /**
     * How many requests {@link #run} is expected to send to {@code target} under {@code rules} (an upper estimate,
     * retries not counted), for the plan printed before a run and the budget check; {@link #UNKNOWN_REQUESTS} when
     * the check cannot say. Called only for targets the check {@linkplain #handles handles}; must not send anything.
     */
    default int plannedRequests(Target target, RulesOfEngagement rules) {
        return UNKNOWN_REQUESTS;
    }

    /**
     * True when the check may consult the scope's LLM judge (then the plan adds up to the judge's
     * {@code maxCallsPerCheck} requests per target on top of {@link #plannedRequests}).
     */
    default boolean consultsJudge() {
        return false;
    }
}
