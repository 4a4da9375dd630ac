package dev.bulwark.guard.config;

/** What a filter does with what it finds. */
public enum Action {
    /** Refuse the request (input) or replace the reply by a refusal (output). */
    BLOCK,
    /** Replace what was found by {@code <ENTITY_TYPE>} and go on. */
    REDACT,
    /** Let it through, recorded in the audit log and metrics. */
    FLAG,
    /** Do not look. */
    OFF
}
