package dev.bulwark.detect;

/** Thrown instead of silently scanning only part of a text: the caller decides whether to split, cap or refuse. */
public final class InputTooLargeException extends IllegalArgumentException {
    private final long size;
    private final long limit;

    public InputTooLargeException(long size, long limit) {
        super("input of " + size + " characters exceeds the scanner limit of " + limit
                + " characters; split it into chunks (or use a streaming redactor)");
        this.size = size;
        this.limit = limit;
    }

    public long size() {
        return size;
    }

    public long limit() {
        return limit;
    }
}
