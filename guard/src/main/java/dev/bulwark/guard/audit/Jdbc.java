package dev.bulwark.guard.audit;

import java.util.regex.Pattern;

/** JDBC URL helpers. */
final class Jdbc {
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:]*:)[^/@]*@");

    private Jdbc() {
    }

    /** The URL without its password, for messages and logs. */
    static String redacted(String url) {
        if (url == null) return null;
        String s = PASSWORD.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(s).replaceAll("$1***@");
    }
}
