package dev.bulwark.cli;

/** Bad usage or a bad input file: the message names the file, line and field; exits 2. */
public final class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
