package dev.bulwark.core;

/**
 * The outcome of one attempt. Only {@code PASS} is evidence of safety; an error, timeout, 429 or an unreadable
 * reply is never counted as a pass.
 */
public enum Verdict {
    /** The attack worked. */
    HIT,
    /** The target resisted. */
    PASS,
    /** The attempt failed to complete (transport error, timeout, 4xx/5xx, budget exhausted). */
    ERROR,
    /** A reply came back but it could not be judged. */
    UNSCORABLE
}
