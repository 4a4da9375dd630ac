package dev.bulwark.guard.audit;

/** The audit store cannot be opened or continued safely (unreadable, locked, or its tail does not verify). */
public final class AuditStoreException extends RuntimeException {
    public AuditStoreException(String message) {
        super(message);
    }

    public AuditStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
