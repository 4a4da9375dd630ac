package dev.bulwark.core.engine;

/** A checkpoint that cannot be resumed: missing, unreadable, or made from another scope or pack. */
public final class CheckpointException extends Exception {
    public CheckpointException(String message) {
        super(message);
    }
}
