package dev.bulwark.supply.model.formats;

/**
 * Bad bytes inside a model file: truncated, inconsistent or over a limit. Readers throw it internally and turn it
 * into a not-verified issue at their boundary, so callers never see it.
 */
final class MalformedModelException extends Exception {
    private final long offset;

    MalformedModelException(String detail, long offset) {
        super(detail, null, false, false);
        this.offset = offset;
    }

    long offset() {
        return offset;
    }
}
