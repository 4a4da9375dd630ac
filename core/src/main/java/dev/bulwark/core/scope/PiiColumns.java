package dev.bulwark.core.scope;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Guesses from column names whether a dataset holds personal data. Deliberately eager: a false "confidential" costs
 * a review, a false "internal" hides customer data from the risk rating.
 */
final class PiiColumns {
    private static final Set<String> WORDS = Set.of("email", "mail", "phone", "mobile", "tel", "telephone", "name",
            "surname", "firstname", "lastname", "fullname", "address", "street", "zip", "zipcode", "postcode", "postal",
            "ssn", "dob", "birthday", "birthdate", "birth", "iban", "passport", "creditcard", "ip", "ipaddress");
    private static final List<String> COMPOUNDS = List.of("email", "phone", "firstname", "lastname", "fullname",
            "surname", "address", "birth", "passport", "iban", "creditcard", "socialsecurity");

    private PiiColumns() {
    }

    static List<String> suggestingPii(Collection<String> columns) {
        List<String> hits = new ArrayList<>();
        for (String column : columns) if (suggestsPii(column)) hits.add(column);
        return hits;
    }

    static boolean suggestsPii(String column) {
        if (column.length() > 100) return false;
        // camelCase and snake_case both split into words: customerEmail, customer_email -> customer, email
        String spaced = column.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        String[] words = spaced.split("[^a-z0-9]+");
        for (String w : words) if (WORDS.contains(w)) return true;
        String joined = String.join("", words);
        for (String c : COMPOUNDS) if (joined.contains(c)) return true;
        return false;
    }
}
