package dev.bulwark.data.classify;

import dev.bulwark.detect.EntityType;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a column's name says about its values. Names are split into lower-case words ({@code dateOfBirth},
 * {@code date_of_birth} and {@code Date of Birth} all give {@code date of birth}) and matched against word
 * phrases; the first hint in declaration order wins, so {@code email_address} is an e-mail, not a street address.
 */
public enum ColumnHint {
    EMAIL(Role.PII, "email", EnumSet.of(EntityType.EMAIL), "email", "e mail", "mail"),
    PHONE(Role.PII, "phone", EnumSet.of(EntityType.PHONE), "phone", "telephone", "tel", "mobile", "cell", "fax"),
    IP_ADDRESS(Role.PII, null, EnumSet.of(EntityType.IP_ADDRESS), "ip", "ip address", "ipaddr", "ip addr"),
    NATIONAL_ID(Role.PII, "ssn", EnumSet.of(EntityType.US_SSN, EntityType.UK_NHS, EntityType.CA_SIN, EntityType.ES_NIF),
            "ssn", "social security", "nhs", "sin", "nif", "dni", "nie", "national id", "passport", "tax id", "tin",
            "nino", "driver license", "drivers license", "licence number"),
    DATE_OF_BIRTH(Role.PII, "date of birth", EnumSet.of(EntityType.DATE_OF_BIRTH), "dob", "birthdate", "birth date",
            "date of birth", "birthday", "born"),
    FINANCIAL_ACCOUNT(Role.FINANCIAL, null, EnumSet.of(EntityType.PAYMENT_CARD, EntityType.IBAN), "card", "credit card",
            "cc", "ccn", "card number", "iban", "account number", "acct", "bank account", "routing", "swift", "bic",
            "cvv", "pan"),
    CREDENTIAL(Role.CREDENTIAL, "password", secrets(), "password", "passwd", "pwd", "secret", "api key", "apikey",
            "token", "access key", "private key", "credential", "credentials", "auth"),
    PERSON_NAME(Role.PII, "name", EnumSet.of(EntityType.PERSON), "first name", "firstname", "last name", "lastname",
            "surname", "full name", "fullname", "given name", "family name", "maiden name", "name"),
    ADDRESS(Role.PII, null, EnumSet.noneOf(EntityType.class), "address", "street", "addr", "street address"),
    HEALTH(Role.HEALTH, null, EnumSet.noneOf(EntityType.class), "diagnosis", "disease", "condition", "medication",
            "treatment", "symptom", "symptoms", "icd", "health", "medical", "illness", "prescription", "blood type",
            "allergy", "allergies", "visit reason", "reason for visit", "reason for consultation", "therapy",
            "vaccination", "vaccine", "disability", "pregnancy", "patient history", "clinical", "lab result",
            "lab results"),
    SPECIAL_CATEGORY(Role.SPECIAL, null, EnumSet.noneOf(EntityType.class), "religion", "sexual orientation",
            "political", "union membership", "criminal", "belief"),
    BIRTH_YEAR(Role.QUASI, null, EnumSet.noneOf(EntityType.class), "birth year", "year of birth", "yob"),
    AGE(Role.QUASI, null, EnumSet.noneOf(EntityType.class), "age", "age years", "age group", "age band"),
    POSTCODE(Role.QUASI, null, EnumSet.noneOf(EntityType.class), "zip", "zipcode", "zip code", "postcode",
            "post code", "postal", "postal code", "plz"),
    GENDER(Role.QUASI, null, EnumSet.noneOf(EntityType.class), "gender", "sex"),
    NATIONALITY(Role.QUASI, null, EnumSet.noneOf(EntityType.class), "nationality", "citizenship", "ethnicity",
            "race", "ethnic group", "country of birth"),
    LOCATION(Role.QUASI, null, EnumSet.noneOf(EntityType.class), "city", "region", "state", "county", "country",
            "town", "district", "province", "municipality"),
    OCCUPATION(Role.QUASI, null, EnumSet.noneOf(EntityType.class), "occupation", "job", "job title", "profession",
            "employer", "position"),
    MARITAL_STATUS(Role.QUASI, null, EnumSet.noneOf(EntityType.class), "marital", "marital status", "married"),
    INCOME(Role.INCOME, null, EnumSet.noneOf(EntityType.class), "salary", "income", "wage", "wages",
            "compensation", "net worth", "credit score"),
    TRANSACTION(Role.TRANSACTION, null, EnumSet.noneOf(EntityType.class), "amount", "price", "total", "revenue",
            "balance", "transaction", "purchase", "payment", "spend", "spending", "cost", "margin", "order value"),
    LABEL(Role.LABEL, null, EnumSet.noneOf(EntityType.class), "label", "labels", "class", "target", "category",
            "sentiment", "y"),
    IDENTIFIER(Role.IDENTIFIER, null, EnumSet.noneOf(EntityType.class), "id", "uuid", "guid", "index", "row id",
            "record id", "key");

    /** What kind of data a hint points at; the classifier and the quasi-identifier detection read it. */
    public enum Role { PII, FINANCIAL, CREDENTIAL, HEALTH, SPECIAL, QUASI, INCOME, TRANSACTION, LABEL, IDENTIFIER }

    /** Words that make "name" something other than a person's name ("product name", "file name"). */
    private static final Set<String> NOT_A_PERSON = Set.of("product", "company", "file", "city", "street", "country",
            "business", "brand", "item", "org", "organisation", "organization", "host", "column", "table", "model",
            "category", "event", "project", "dataset", "place", "store", "shop", "region", "state", "app", "domain",
            "server", "service", "field", "display", "screen", "user");
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    private final Role role;
    private final String context;
    private final Set<EntityType> agrees;
    private final List<String> phrases;

    ColumnHint(Role role, String context, Set<EntityType> agrees, String... phrases) {
        this.role = role;
        this.context = context;
        this.agrees = Set.copyOf(agrees);
        this.phrases = List.of(phrases);
    }

    public Role role() {
        return role;
    }

    /**
     * A phrase the detection engine reads as context for this kind of value ("ssn", "date of birth"): values of a
     * column named so are scanned as "PHRASE: value", as a form would show them; empty when the values speak for
     * themselves.
     */
    public Optional<String> context() {
        return Optional.ofNullable(context);
    }

    /** Entity types whose detection in the column confirms this hint. */
    public Set<EntityType> agrees() {
        return agrees;
    }

    /** Whether the column is a quasi-identifier: not identifying alone, but together with others it can be. */
    public boolean quasiIdentifier() {
        return role == Role.QUASI || this == DATE_OF_BIRTH;
    }

    /** Whether values of this column are what an attacker must not link to a person (l-diversity's column). */
    public boolean sensitive() {
        return role == Role.HEALTH || role == Role.INCOME || role == Role.SPECIAL;
    }

    /** The hint a column name gives, if any. */
    public static Optional<ColumnHint> of(String columnName) {
        String words = words(columnName);
        if (words.isEmpty()) return Optional.empty();
        String padded = " " + words + " ";
        for (ColumnHint hint : values()) {
            for (String phrase : hint.phrases) {
                if (!padded.contains(" " + phrase + " ")) continue;
                if (hint == PERSON_NAME && phrase.equals("name") && mentionsNonPerson(words)) continue;
                // "ip" alone is a word; inside "zip" or "tip" the padding already keeps it out
                return Optional.of(hint);
            }
        }
        if (words.endsWith(" id")) return Optional.of(IDENTIFIER);
        return Optional.empty();
    }

    /** "dateOfBirth", "DATE_OF_BIRTH", "Date of Birth" → "date of birth". */
    static String words(String columnName) {
        String split = CAMEL.matcher(columnName.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(split).replaceAll(" ").strip();
    }

    private static boolean mentionsNonPerson(String words) {
        for (String word : words.split(" ")) if (NOT_A_PERSON.contains(word)) return true;
        return false;
    }

    private static EnumSet<EntityType> secrets() {
        var out = EnumSet.noneOf(EntityType.class);
        for (EntityType t : EntityType.values()) if (t.kind() == EntityType.Kind.SECRET) out.add(t);
        return out;
    }
}
