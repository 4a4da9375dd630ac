package dev.bulwark.detect.injection;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One layer-(b) pattern.
 *
 * @param id       {@code language.category.name}, e.g. {@code en.override.prior}
 * @param category what kind of attack it recognises
 * @param weight     evidence one match adds in a prompt ({@link TextSource#PROMPT}), in [0, 1]; 0 turns the rule
 *                   off there
 * @param dataWeight evidence one match adds in content the model reads ({@link TextSource#DATA}), in [0, 1]
 * @param pattern    compiled against normalised (lower-cased, folded) text
 * @param reason     a short human description
 */
public record InjectionRule(String id, Category category, double weight, double dataWeight, Pattern pattern,
        String reason) {
    public InjectionRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(reason, "reason");
        if (!(weight >= 0 && weight <= 1)) throw new IllegalArgumentException(id + ": weight must be in [0, 1]");
        if (!(dataWeight >= 0 && dataWeight <= 1)) {
            throw new IllegalArgumentException(id + ": data weight must be in [0, 1]");
        }
        if (weight == 0 && dataWeight == 0) throw new IllegalArgumentException(id + ": a rule needs a weight");
    }

    /** A rule that weighs the same in prompts and in data. */
    public InjectionRule(String id, Category category, double weight, Pattern pattern, String reason) {
        this(id, category, weight, weight, pattern, reason);
    }

    /** The evidence a match adds in text from {@code source}. */
    public double weight(TextSource source) {
        return source == TextSource.DATA ? dataWeight : weight;
    }

    /** The language code the id starts with. */
    public String language() {
        return id.substring(0, id.indexOf('.'));
    }

    /**
     * What kind of attack: instruction override, persona switch, prompt extraction, forged delimiters, or
     * {@code OUTPUT} — instructions aimed at the assistant's reply ("add … to your response", "reply in base64"),
     * ordinary from a user, a planted instruction when found in a document, or {@code PAYLOAD} — SQL or shell
     * injection meant for whatever runs the model's output ("Robert'); DROP TABLE …", "reports; touch /tmp/…"):
     * harmless to the model, dangerous to an app that pastes the reply into a query or a command.
     */
    public enum Category { OVERRIDE, PERSONA, EXTRACT, DELIMITER, OUTPUT, PAYLOAD }
}
