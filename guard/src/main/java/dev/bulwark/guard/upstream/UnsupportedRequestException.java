package dev.bulwark.guard.upstream;

/**
 * The OpenAI request asks for something the upstream's API cannot do (a route, a content part, an option). The
 * message is safe to show the client; the proxy answers 400.
 */
public final class UnsupportedRequestException extends IllegalArgumentException {
    public UnsupportedRequestException(String message) {
        super(message);
    }
}
