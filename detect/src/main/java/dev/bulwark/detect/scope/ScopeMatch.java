package dev.bulwark.detect.scope;

/**
 * How close a text came to the assistant's scope.
 *
 * @param similarity cosine similarity to the nearest example, −1 to 1 (of the sentence that was a general task, when
 *                   one was)
 * @param nearest    that example (one of the owner's, or a built-in conversational one), or the built-in general task
 *                   a sentence of the text was clearly closer to
 * @param inScope    whether the similarity reached the scope's threshold and no sentence was a general task
 */
public record ScopeMatch(double similarity, String nearest, boolean inScope) {
}
