package dev.bulwark.guard.config;

import java.util.Locale;

/**
 * Which header a trusted proxy in front of the gateway writes the client's address into. Exactly one is read: were
 * both read, a client could write whichever one its proxy passes through untouched and be taken at its word.
 */
public enum ForwardedHeader {
    /** {@code X-Forwarded-For: 203.0.113.7, 10.0.0.2}: what nginx, HAProxy, Envoy and the cloud balancers write. */
    X_FORWARDED_FOR("X-Forwarded-For"),
    /** RFC 7239 {@code Forwarded: for=203.0.113.7;proto=https, for="[2001:db8::7]:4711"}. */
    FORWARDED("Forwarded");

    private final String headerName;

    ForwardedHeader(String headerName) {
        this.headerName = headerName;
    }

    public String headerName() {
        return headerName;
    }

    /**
     * The address part of one comma-separated entry: the entry itself for {@code X-Forwarded-For}; for
     * {@code Forwarded}, its {@code for} parameter without quotes, or "" (unreadable) when it has none. Entries are
     * split at every comma and semicolon, quoted or not: no address holds either, and a quote a client leaves open
     * must not swallow the entries its proxy appends after it.
     */
    public String address(String entry) {
        if (this == X_FORWARDED_FOR) return entry;
        for (String pair : entry.split(";", 16)) {
            int equals = pair.indexOf('=');
            if (equals < 0 || !pair.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("for")) continue;
            String value = pair.substring(equals + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            return value;
        }
        return "";
    }
}
