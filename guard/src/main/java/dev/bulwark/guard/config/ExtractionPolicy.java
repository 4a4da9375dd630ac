package dev.bulwark.guard.config;

import java.time.Duration;

/**
 * Model-extraction and abuse monitoring per client over a sliding window (book §6.3, §10.3).
 *
 * @param maxRequests           requests in the window before {@code action}
 * @param minDistinctRatio      below this share of distinct prompts (after normalisation) over at least
 *                              {@code minSample} requests, the traffic looks scripted
 * @param maxProbeScore         boundary-probing score (systematic near-duplicate prompts, enumeration) above which
 *                              {@code action} applies, 0..1
 */
public record ExtractionPolicy(boolean enabled, Duration window, int maxRequests, double minDistinctRatio,
                               int minSample, double maxProbeScore, ExtractionAction action) {
    public enum ExtractionAction { ALERT, THROTTLE, BLOCK }
}
