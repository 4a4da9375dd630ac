package dev.bulwark.guard.filter;

import dev.bulwark.guard.pipeline.Refusal;

/**
 * The refusals the filters send. Messages say that a protection acted, never which rule or what it saw: a prober
 * must not learn how to get around it.
 */
final class Refusals {
    /** What a client sees in place of a reply the output policy withheld (whole replies and streams alike). */
    static final String WITHHELD = "[response withheld by policy]";

    private Refusals() {
    }

    static Refusal invalid(String message) {
        return Refusal.of(400, "invalid_request_error", "invalid_request", message);
    }

    static Refusal promptBlocked() {
        return Refusal.of(400, "invalid_request_error", "prompt_blocked",
                "The request was refused by a protection of the gateway.");
    }

    /** The topic rail's: the user may rephrase, so it says what kind of refusal this is, not what was compared. */
    static Refusal offTopic() {
        return Refusal.of(400, "invalid_request_error", "off_topic",
                "The request is outside what this assistant is for.");
    }

    static Refusal sensitiveDataBlocked() {
        return Refusal.of(400, "invalid_request_error", "sensitive_data_blocked",
                "The request contains personal data or secrets the gateway may not forward.");
    }

    /**
     * A whole reply the output policy withheld. 400 rather than 5xx because OpenAI's SDKs retry 5xx on their own, which
     * would ask the model for the same leak again; the code names the reason like Azure OpenAI's content filter.
     */
    static Refusal replyWithheld() {
        return Refusal.of(400, "invalid_request_error", "content_filter",
                "The response was withheld by a protection of the gateway.");
    }
}
