package dev.bulwark.data.classify;

import dev.bulwark.core.Classification;
import java.util.Objects;

/** A classification level with the one-line reason a reader can check. */
public record Classified(Classification level, String reason) {
    public Classified {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(reason, "reason");
    }
}
