package dev.bulwark.guard.config;

/** What a filter does with what it finds. */
public enum Action {
    /** Refuse the request (input) or replace the reply by a refusal (output). */
    BLOCK,
    /** Replace what was found by {@code <ENTITY_TYPE>} and go on. */
    REDACT,
    /**
     * Personal data in requests only ({@code policies.input.pii}): replace each value by a numbered placeholder such
     * as {@code [EMAIL_1]} (the same value, the same placeholder), and put the request's own values back where the
     * reply repeats one. The provider never sees them; the user still reads them.
     */
    PSEUDONYMIZE,
    /** Let it through, recorded in the audit log and metrics. */
    FLAG,
    /** Do not look. */
    OFF
}
