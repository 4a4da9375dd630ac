package dev.bulwark.detect;

/** Kinds of personal data and secrets the {@link Redactor} recognises. */
public enum EntityType {
    EMAIL, PHONE, PAYMENT_CARD, IBAN, AWS_ACCESS_KEY, API_KEY, GITHUB_TOKEN, JWT, SECRET;

    /** The placeholder that replaces a value in redacted text, e.g. {@code <EMAIL>}. */
    public String tag() {
        return "<" + name() + ">";
    }
}
