package dev.bulwark.guard.config;

/**
 * @param maxBytes           largest request body accepted (413 beyond)
 * @param maxMessages        most chat messages in one request
 * @param maxTokens          cap on the {@code max_tokens} a client may ask for (lowered to it when larger or absent), or null
 * @param injection          prompt injection in user text (tool and function results are scanned as data)
 * @param injectionThreshold score at or above which the injection detector's verdict counts
 * @param learnedModel       whether the learned injection classifier runs besides the rules (off the event loop)
 * @param modelTriage        whether the gates (n-gram triage, cut-encoder screen) let clearly ordinary texts skip that classifier
 * @param scope              the topic rail: the user's latest turn compared with what the assistant is for
 */
public record InputPolicy(int maxBytes, int maxMessages, Integer maxTokens, Action injection,
                          double injectionThreshold, boolean learnedModel, boolean modelTriage, Action pii,
                          Action secrets, ScopePolicy scope) {
    /** Without a topic rail. */
    public InputPolicy(int maxBytes, int maxMessages, Integer maxTokens, Action injection, double injectionThreshold,
                       boolean learnedModel, boolean modelTriage, Action pii, Action secrets) {
        this(maxBytes, maxMessages, maxTokens, injection, injectionThreshold, learnedModel, modelTriage, pii, secrets,
                ScopePolicy.OFF);
    }
}
