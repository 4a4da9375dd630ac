package dev.bulwark.core.scope;

import dev.bulwark.core.Masking;

/** A credential sent as one request header. {@link #toString()} masks the value so it never reaches a log. */
public record Auth(String header, String value) {
    @Override
    public String toString() {
        return "Auth[" + header + ": " + Masking.mask(value) + "]";
    }
}
