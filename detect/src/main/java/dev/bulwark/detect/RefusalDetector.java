package dev.bulwark.detect;

import java.util.regex.Pattern;

/**
 * Recognises a model declining a request ("I can't share that", "I won't do that", "I'm not able to …"). Used to
 * damp other signals: a refusal that quotes the request is not a compliance. Looks at the first
 * {@value #WINDOW} characters only, where refusals sit. Thread-safe.
 */
public final class RefusalDetector {
    static final int WINDOW = 600;

    private static final Pattern REFUSAL = Pattern.compile(
            "\\bI\\s{0,2}+(?:can't|can’t|cannot|can not|won't|won’t|will not|am not able to|'m not able to|’m not able to"
                    + "|am unable to|'m unable to|’m unable to|must decline|must refuse)\\b"
                    + "|\\b(?:not (?:allowed|permitted) to (?:share|reveal|disclose|do that))\\b"
                    + "|\\bI'?m sorry,? but\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final RefusalDetector STANDARD = new RefusalDetector();

    private RefusalDetector() {
    }

    public static RefusalDetector standard() {
        return STANDARD;
    }

    public boolean isRefusal(String text) {
        if (text == null || text.isEmpty()) return false;
        String head = Text.withoutFormatChars(text.length() <= WINDOW ? text : text.substring(0, WINDOW));
        return REFUSAL.matcher(head).find();
    }
}
