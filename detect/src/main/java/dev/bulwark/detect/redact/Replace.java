package dev.bulwark.detect.redact;

import dev.bulwark.detect.EntityType;

/** Replaces a value by its type tag, e.g. {@code <EMAIL>}. */
public record Replace() implements RedactionOperator {
    static final Replace INSTANCE = new Replace();

    @Override
    public String apply(EntityType type, String value) {
        return type.tag();
    }
}
