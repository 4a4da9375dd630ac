package dev.bulwark.guard.upstream;

/**
 * A whole upstream reply did not have the shape its API documents. The message names no upstream content; the proxy
 * answers 502.
 */
public final class UpstreamReplyException extends RuntimeException {
    public UpstreamReplyException(String message) {
        super(message);
    }
}
