/**
 * The topic rail: whether a request is about what the assistant is for. {@link dev.bulwark.detect.scope.TopicScope}
 * compares a user's turn with example requests the owner writes, by all-MiniLM-L6-v2 sentence embeddings.
 */
package dev.bulwark.detect.scope;
