package dev.bulwark.supply.deps.osv;

/** An OSV record that cannot be read: not JSON/YAML, not an object, no id, or beyond our limits. */
public final class InvalidRecordException extends Exception {
    public InvalidRecordException(String message) {
        super(message);
    }

    public InvalidRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
