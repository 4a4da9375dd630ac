package dev.bulwark.guard.config;

/** One header to send, value already expanded from {@code ${VAR}}. Never logged. */
public record HeaderValue(String header, String value) {
    @Override
    public String toString() {
        return "HeaderValue[" + header + ": ***]";
    }
}
