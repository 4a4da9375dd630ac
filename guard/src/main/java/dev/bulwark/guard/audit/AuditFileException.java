package dev.bulwark.guard.audit;

/**
 * The verifier cannot read what it was given as an audit log: a missing or unreadable file, an unreachable database,
 * or content that holds no audit record at all. Distinct from a log that reads fine but fails verification.
 */
public final class AuditFileException extends RuntimeException {
    public AuditFileException(String message) {
        super(message);
    }

    public AuditFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
