package dev.bulwark.core.integrity;

/** A key or sidecar file that cannot be used; the message names the file and the problem, never key material. */
public final class IntegrityException extends RuntimeException {
    public IntegrityException(String message) {
        super(message);
    }
}
