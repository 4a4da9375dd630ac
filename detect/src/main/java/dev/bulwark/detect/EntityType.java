package dev.bulwark.detect;

/** Kinds of personal data and secrets the {@link EntityScanner} recognises. */
public enum EntityType {
    // Personal data.
    EMAIL(Kind.PII), PHONE(Kind.PII), PAYMENT_CARD(Kind.PII), IBAN(Kind.PII), US_SSN(Kind.PII), UK_NHS(Kind.PII),
    CA_SIN(Kind.PII), ES_NIF(Kind.PII), IP_ADDRESS(Kind.PII), DATE_OF_BIRTH(Kind.PII), PERSON(Kind.PII),
    // Secrets: provider formats first, then the generic ones.
    /** The {@code user:password} part of {@code scheme://user:password@host}. */
    URL_CREDENTIALS(Kind.SECRET),
    AWS_ACCESS_KEY(Kind.SECRET), AWS_SECRET_KEY(Kind.SECRET), GITHUB_TOKEN(Kind.SECRET), GITLAB_TOKEN(Kind.SECRET),
    SLACK_TOKEN(Kind.SECRET), SLACK_WEBHOOK(Kind.SECRET), STRIPE_KEY(Kind.SECRET), GOOGLE_API_KEY(Kind.SECRET),
    OPENAI_KEY(Kind.SECRET), ANTHROPIC_KEY(Kind.SECRET), JWT(Kind.SECRET), PRIVATE_KEY(Kind.SECRET),
    /** A provider-less key or bearer token. */
    API_KEY(Kind.SECRET),
    /** A password or high-entropy value assigned to a secret-sounding name. */
    SECRET(Kind.SECRET);

    /** Whether a value is about a person or is a credential. */
    public enum Kind { PII, SECRET }

    private final Kind kind;

    EntityType(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The placeholder that replaces a value in redacted text, e.g. {@code <EMAIL>}. */
    public String tag() {
        return "<" + name() + ">";
    }
}
