package dev.bulwark.detect.pii;

import dev.bulwark.detect.ContextWords;
import dev.bulwark.detect.Entity;
import dev.bulwark.detect.EntityType;
import dev.bulwark.detect.PatternRecognizer;
import dev.bulwark.detect.Recognizer;
import dev.bulwark.detect.ScanText;
import dev.bulwark.detect.Settling;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of birth: a real calendar date with birth context ("born", "DOB", "birthday", "date of birth"…) before
 * it. A date alone — a meeting, a deadline — scores under the threshold and is left alone.
 */
final class DatesOfBirth {
    private static final String MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private static final Pattern DATE = Pattern.compile("(?i)(?<![\\w/.-])(?:"
            + "(?<iy>[0-9]{4})-(?<im>[0-9]{2})-(?<id>[0-9]{2})"
            + "|(?<a>[0-9]{1,2})(?<sep>[/.-])(?<b>[0-9]{1,2})\\k<sep>(?<y>[0-9]{4}|[0-9]{2})"
            + "|(?<dd>[0-9]{1,2})(?:st|nd|rd|th)?[ ]{1,2}+(?:of[ ]{1,2}+)?(?<mn>" + MONTHS + ")\\.?,?[ ]{1,2}+(?<yy>[0-9]{4})"
            + "|(?<mn2>" + MONTHS + ")\\.?[ ]{1,2}+(?<dd2>[0-9]{1,2})(?:st|nd|rd|th)?,?[ ]{1,2}+(?<yy2>[0-9]{4})"
            + ")(?![\\w]|[/.-][0-9])");

    private static final List<String> BIRTH_WORDS = List.of("born", "birth", "dob", "d.o.b", "d.o.b.", "birthday",
            "birthdate", "date of birth", "b.", "née", "né", "geboren", "nacido", "nacida", "naissance", "nato", "nata");
    private static final int BIRTH_WINDOW = 40;
    /** Score of a valid date with no birth word before it: under any useful threshold. */
    private static final double BARE = 0.15;
    /** The longest date the pattern matches ("30th of September, 1985" and some slack). */
    private static final int MAX_DATE = 32;

    private static final List<ContextWords> CONTEXT = List.of(
            ContextWords.before(BIRTH_WINDOW, 0.7, BIRTH_WORDS.toArray(String[]::new)),
            ContextWords.before(30, -0.2, "meeting", "deadline", "due", "appointment", "scheduled", "invoice",
                    "delivery", "shipped"));

    private static final Settling.Token DATE_TOKEN = Settling.VALUE_LIKE.or(Settling.words(java.util.Set.of("jan",
            "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug",
            "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december", "of", "st",
            "nd", "rd", "th")));

    private DatesOfBirth() {
    }

    /**
     * Finds the birth words first and looks for dates only just after them; only when the caller keeps candidates
     * scored as low as a bare date does it look at every date.
     */
    static Recognizer recognizer() {
        PatternRecognizer dates = PatternRecognizer.of(EntityType.DATE_OF_BIRTH, DATE, 0, List.of(), MAX_DATE + BIRTH_WINDOW,
                (text, m, s, e) -> plausible(m) ? ContextWords.applyAll(CONTEXT, text, s, e, BARE) : -1);
        return new Recognizer() {
            @Override
            public void scan(ScanText text, List<Entity> out) {
                int[] windows = text.threshold() > BARE
                        ? text.windowsAfter(BIRTH_WORDS, BIRTH_WINDOW + MAX_DATE)
                        : text.windows(ScanText.Anchor.DIGIT);
                dates.scanIn(text, windows, out);
            }

            @Override
            public int maxSpan() {
                return dates.maxSpan();
            }

            /** A date may hold month names and "of" ("12 of march 1985") besides its value-like tokens. */
            @Override
            public int unsettledFrom(ScanText text) {
                return Settling.run(text.text(), DATE_TOKEN);
            }

            @Override
            public String toString() {
                return "DatesOfBirth";
            }
        };
    }

    /** A calendar date of someone alive: day and month in range, year from 1900 to this year. */
    private static boolean plausible(Matcher m) {
        int thisYear = Year.now().getValue();
        if (m.group("iy") != null) {
            return valid(num(m.group("id")), num(m.group("im")), num(m.group("iy")), thisYear);
        }
        if (m.group("a") != null) {
            int a = num(m.group("a"));
            int b = num(m.group("b"));
            int y = num(m.group("y"));
            if (m.group("y").length() == 2) y += y > thisYear % 100 ? 1900 : 2000;
            return valid(a, b, y, thisYear) || valid(b, a, y, thisYear); // day-first or month-first
        }
        String month = m.group("mn") != null ? m.group("mn") : m.group("mn2");
        int day = num(m.group("dd") != null ? m.group("dd") : m.group("dd2"));
        int year = num(m.group("yy") != null ? m.group("yy") : m.group("yy2"));
        return valid(day, monthNumber(month), year, thisYear);
    }

    private static boolean valid(int day, int month, int year, int thisYear) {
        return month >= 1 && month <= 12 && day >= 1 && day <= 31 && year >= 1900 && year <= thisYear;
    }

    private static int monthNumber(String name) {
        String p = name.substring(0, 3).toLowerCase(Locale.ROOT);
        return List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec").indexOf(p) + 1;
    }

    private static int num(String s) {
        return Integer.parseInt(s);
    }
}
