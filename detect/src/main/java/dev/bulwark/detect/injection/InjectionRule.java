package dev.bulwark.detect.injection;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One layer-(b) pattern.
 *
 * @param id       {@code language.category.name}, e.g. {@code en.override.prior}
 * @param category what kind of attack it recognises
 * @param weight   evidence one match adds, in (0, 1]
 * @param pattern  compiled against normalised (lower-cased, folded) text
 * @param reason   a short human description
 */
public record InjectionRule(String id, Category category, double weight, Pattern pattern, String reason) {
    public InjectionRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(reason, "reason");
        if (!(weight > 0 && weight <= 1)) throw new IllegalArgumentException(id + ": weight must be in (0, 1]");
    }

    /** The language code the id starts with. */
    public String language() {
        return id.substring(0, id.indexOf('.'));
    }

    public enum Category { OVERRIDE, PERSONA, EXTRACT, DELIMITER }
}
