package dev.bulwark.core;

import dev.bulwark.core.http.EngagementClient;
import dev.bulwark.core.scope.Scope;

/** What a running check may use. Everything is passed in; there is no global configuration. */
public interface CheckContext {
    Scope scope();

    /** The only way to the network: enforces allow-list, rate, budget, timeouts and retries. */
    EngagementClient http();

    /** True once the user pressed Ctrl-C or the budget or time window ran out: stop and return what you have. */
    boolean stopRequested();

    /** Reports one unit of work done, for the progress bar. */
    void progress(String message);
}
