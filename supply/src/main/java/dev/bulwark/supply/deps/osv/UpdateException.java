package dev.bulwark.supply.deps.osv;

/** An update that did not happen; the cache still holds what it held before. */
public final class UpdateException extends Exception {
    public enum Kind {
        /** The source could not be reached or answered with an error. */
        NETWORK,
        /** What arrived is not valid data (corrupt archive, not JSON, over a limit). */
        INVALID_DATA,
        /** The cache folder could not be written. */
        STORAGE
    }

    private final Kind kind;

    public UpdateException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public UpdateException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
