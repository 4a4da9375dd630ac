package dev.bulwark.guard.monitor;

/**
 * One client's traffic over the window, as the monitor measured it.
 *
 * @param requests every request
 * @param prompted requests that carried prompt text (the base of the distinct-prompt ratio)
 * @param distinct estimated distinct normalised prompts
 * @param probe    the boundary-probing picture of the recent prompts
 */
record WindowStats(long requests, long prompted, long distinct, ProbeRing.ProbeStats probe) {
    /** Distinct prompts per prompted request, 0..1 (1 when nothing was prompted). */
    double distinctRatio() {
        return prompted == 0 ? 1 : Math.min(1.0, (double) distinct / prompted);
    }

    /** The same stats with volume and distinct counts from elsewhere (Redis), the probing picture kept. */
    WindowStats withCounts(long requests, long prompted, long distinct) {
        return new WindowStats(requests, prompted, distinct, probe);
    }
}
