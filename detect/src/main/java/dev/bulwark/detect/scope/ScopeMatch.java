package dev.bulwark.detect.scope;

/**
 * How close a text came to the assistant's scope.
 *
 * @param similarity cosine similarity to the nearest example, −1 to 1
 * @param nearest    that example (one of the owner's, or a built-in conversational one)
 * @param inScope    whether the similarity reached the scope's threshold
 */
public record ScopeMatch(double similarity, String nearest, boolean inScope) {
}
