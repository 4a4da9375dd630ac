package dev.bulwark.data.anon;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a quasi-identifier column is generalized: numbers become ranges, ISO dates are truncated, digit codes
 * (postcodes) keep a prefix, anything else climbs a category hierarchy. Decided from the values unless the
 * hierarchy file says otherwise.
 */
public enum QuasiType {
    /** Ranges of the partition's smallest and largest value, "30-39". */
    NUMERIC,
    /** yyyy-mm-dd, truncated to month, year, then a range of years. */
    DATE,
    /** Digit strings of one length (postcodes): the common prefix with the tail masked, "021**". */
    CODE,
    /** The lowest common ancestor in a hierarchy, "*" at the top. */
    CATEGORICAL;

    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,15})?");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /**
     * The type the distinct non-missing values suggest. Digit strings of one length are codes when they have a
     * leading zero or five digits or more (postcodes, not ages or years); other numbers are numeric.
     */
    static QuasiType detect(Collection<String> values) {
        if (values.isEmpty()) return CATEGORICAL;
        if (values.stream().allMatch(v -> DIGITS.matcher(v).matches())) {
            int length = values.iterator().next().length();
            boolean oneLength = values.stream().allMatch(v -> v.length() == length);
            boolean zeroLed = values.stream().anyMatch(v -> v.length() > 1 && v.charAt(0) == '0');
            if (oneLength && (length >= 5 || zeroLed)) return CODE;
        }
        if (values.stream().allMatch(QuasiType::isNumber)) return NUMERIC;
        if (values.stream().allMatch(QuasiType::isDate)) return DATE;
        return CATEGORICAL;
    }

    /** Whether {@code value} (not missing) fits this type. */
    boolean accepts(String value) {
        return switch (this) {
            case NUMERIC -> isNumber(value);
            case DATE -> isDate(value);
            case CODE -> DIGITS.matcher(value).matches();
            case CATEGORICAL -> true;
        };
    }

    static boolean isNumber(String value) {
        return NUMBER.matcher(value).matches();
    }

    static boolean isDate(String value) {
        if (!ISO_DATE.matcher(value).matches()) return false;
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The type named {@code name} in a hierarchy file (case-insensitive), or null. */
    static QuasiType named(String name) {
        for (QuasiType type : values()) if (type.name().equals(name.strip().toUpperCase(Locale.ROOT))) return type;
        return null;
    }
}
