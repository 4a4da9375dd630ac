package dev.bulwark.detect.pii;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.bulwark.detect.Checksums;
import dev.bulwark.detect.ContextWords;
import dev.bulwark.detect.Entity;
import dev.bulwark.detect.EntityType;
import dev.bulwark.detect.Recognizer;
import dev.bulwark.detect.ScanText;
import dev.bulwark.detect.Settling;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Phone numbers: a linear pattern proposes digit runs with phone punctuation, libphonenumber parses and validates
 * each against its metadata — international numbers ({@code +} or {@code 00}) for their own country, national
 * ones for each default region. When the whole run does not validate, shorter prefixes ending at a separator are
 * tried (a year or a count may follow a number).
 */
final class Phones implements Recognizer {
    /** English-speaking and EU markets first; more regions catch more formats and admit more look-alikes. */
    static final List<String> DEFAULT_REGIONS = List.of("US", "GB", "CA", "AU", "IE", "DE", "FR", "ES", "IT", "NL",
            "BE", "CH", "AT", "SE", "PL", "PT", "IN", "BR", "IL");

    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\w+.-])(?:\\+|00)?+\\(?+[0-9](?:[ .()/-]{0,3}+[0-9]){5,17}+(?:[ ]?+(?:x|ext\\.?|#)[ ]?+[0-9]{1,5}+)?+");
    private static final Pattern EXTENSION = Pattern.compile("(?i)[ ]?+(?:x|ext\\.?|#)[ ]?+[0-9]{1,5}$");
    private static final int MAX_LENGTH = 48;
    private static final int MIN_DIGITS = 7;

    private static final List<ContextWords> CONTEXT = List.of(
            ContextWords.before(40, 0.3, "phone", "tel", "telephone", "call", "mobile", "cell", "fax", "whatsapp",
                    "sms", "dial", "ring", "landline", "handy", "téléphone", "teléfono", "telefono", "telefon", "ph",
                    "mob", "desk", "office", "answering"),
            ContextWords.before(25, 0.15, "number", "contact", "reach", "text", "at", "on"),
            ContextWords.before(30, -0.35, "order", "invoice", "account", "ref", "reference", "tracking", "serial",
                    "isbn", "version", "build", "release", "firmware", "revision", "id", "ssn", "sin", "nhs", "dni", "nie", "card", "iban", "zip", "postcode", "total",
                    "amount", "price", "license", "licence", "passport", "apt", "suite", "address", "located", "lives"),
            // Street numbers: "17151 2450 Crown St".
            ContextWords.around(25, -0.45, "street", "st", "road", "rd", "avenue", "ave", "drive", "dr", "lane",
                    "close", "place", "square", "rue", "suite", "apt", "way", "blvd", "boulevard", "str", "court",
                    "terrace", "crescent", "highway", "box"));

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final List<String> regions;
    /**
     * The regions a national number that does not start with 0 is tried in: those whose trunk prefix is not 0
     * (NANP's 1, none for ES, IT, PL, PT) and IN, whose mobiles are written without it. Elsewhere a national number
     * is printed with its 0, so a bare digit run (a ticket or build number) costs a few parses, not nineteen.
     */
    private final List<String> withoutTrunkZero;
    private final Map<String, NationalLengths> lengths;

    Phones(List<String> regions) {
        this.regions = List.copyOf(regions);
        this.withoutTrunkZero = this.regions.stream()
                .filter(r -> r.equals("IN") || !"0".equals(util.getNddPrefixForRegion(r, true))).toList();
        this.lengths = this.regions.stream().distinct()
                .collect(Collectors.toUnmodifiableMap(r -> r, r -> NationalLengths.of(r, util)));
    }

    @Override
    public void scan(ScanText text, List<Entity> out) {
        Matcher m = CANDIDATE.matcher(text.text()).useTransparentBounds(true).useAnchoringBounds(false);
        int[] windows = text.digitRuns(MIN_DIGITS);
        for (int w = 0; w < windows.length; w += 2) {
            m.region(windows[w], windows[w + 1]);
            scanWindow(text, m, out);
        }
    }

    private void scanWindow(ScanText text, Matcher m, List<Entity> out) {
        while (m.find()) {
            int start = m.start();
            String value = m.group();
            // Dates and dotted quads have phone-like runs; their own recognizers decide.
            if (DATE_LIKE.matcher(value).matches() || ISO_DATE.matcher(value).lookingAt()) continue;
            // "$1,250.00 1183", "#44812 1183": an amount or a ticket number, not the start of a phone number.
            char before = text.at(start - 1);
            boolean thousands = before == ',' && Character.isDigit(text.at(start - 2));
            if (thousands || before == '$' || before == '#' || before == '€' || before == '£') continue;
            value = beforeDecimal(value);
            if (value.length() < 6) continue;
            if (!phoneShaped(value) || IBAN_HEAD.matcher(text.text()).region(Math.max(0, start - 5), start).find()) continue;
            for (int tries = 0; tries < 4 && value.length() >= 6; tries++) {
                double score = score(value);
                if (score >= 0) {
                    int end = start + value.length();
                    out.add(new Entity(EntityType.PHONE, start, end, ContextWords.applyAll(CONTEXT, text, start, end, score)));
                    break;
                }
                value = shorter(value);
            }
        }
    }

    /** "DE89 3704 0044 …": the groups after an IBAN's country and check digits are not a phone number. */
    private static final Pattern IBAN_HEAD = Pattern.compile("[A-Za-z]{2}[0-9]{2} $");
    private static final Pattern DECIMAL = Pattern.compile(
            "[0-9]{5}\\.[0-9]{1,2}+(?![0-9])|\\.[0-9](?![0-9])|(?<![0-9])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])");
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])");
    private static final Pattern DATE_LIKE = Pattern.compile(
            "[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{2,4}|[0-9]{1,3}(?:\\.[0-9]{1,3}){3}");

    /** Base score of a whole candidate, or -1 when no parse makes it a number. */
    private double score(String value) {
        String core = EXTENSION.matcher(value).replaceFirst("");
        String digits = Checksums.digitsOf(core);
        if (digits.length() < 7 || digits.length() > 15) return -1;
        if (core.charAt(core.length() - 1) == '(' || !balanced(core)) return -1;
        boolean separated = core.chars().anyMatch(c -> c == ' ' || c == '-' || c == '.' || c == '(' || c == '/');
        if (core.startsWith("+") || core.startsWith("00")) {
            String international = core.startsWith("00") ? "+" + core.substring(2) : core;
            PhoneNumber n = parse(international, "ZZ");
            if (n == null) return -1;
            if (util.isValidNumber(n)) return 0.75;
            // "+44 7700 900142": a country code and grouped digits read as a phone number even where the number
            // plan marks the range unassigned (test and drama ranges, new allocations the metadata lacks)
            if (!util.isPossibleNumber(n)) return -1;
            return separated && digits.length() >= 10 ? 0.55 : 0.45;
        }
        boolean possible = false;
        char lead = core.charAt(core.charAt(0) == '(' && core.length() > 1 ? 1 : 0);
        for (String region : lead == '0' ? regions : withoutTrunkZero) {
            if (!lengths.get(region).admits(digits)) continue;
            PhoneNumber n = parse(core, region);
            if (n == null) continue;
            if (util.isValidNumberForRegion(n, region)) return separated && digits.length() >= 9 ? 0.6 : 0.4;
            possible |= util.isPossibleNumber(n);
        }
        return possible && separated ? 0.35 : -1;
    }

    private PhoneNumber parse(String value, String region) {
        try {
            return util.parse(value, region);
        } catch (NumberParseException e) {
            return null;
        }
    }

    /**
     * The candidate cut before its first decimal or version number or ISO date ("build 20240315.1", "1234567.89",
     * a "2.4.1" or "2024-06-03" after the number): what precedes it may still be a phone, the rest is not.
     */
    private static String beforeDecimal(String value) {
        Matcher d = DECIMAL.matcher(value);
        if (!d.find()) return value;
        int cut = d.start();
        while (cut > 0 && Character.isDigit(value.charAt(cut - 1))) cut--;
        while (cut > 0 && !Character.isDigit(value.charAt(cut - 1))) cut--;
        return value.substring(0, cut);
    }

    /** Printed numbers group digits in twos to fours; runs of lone digits ("1 2 3 4 5 6 7") are not numbers. */
    private static boolean phoneShaped(String value) {
        int lone = 0;
        int run = 0;
        for (int i = 0; i <= value.length(); i++) {
            boolean digit = i < value.length() && Character.isDigit(value.charAt(i));
            if (digit) {
                run++;
            } else {
                if (run == 1) lone++;
                run = 0;
            }
        }
        return lone <= 2;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') depth++;
            else if (c == ')' && --depth < 0) return false;
        }
        return depth == 0;
    }

    /** Drops the last separator-delimited group, and trailing punctuation. */
    private static String shorter(String value) {
        int cut = value.length() - 1;
        while (cut > 0 && Character.isDigit(value.charAt(cut))) cut--;
        while (cut > 0 && !Character.isDigit(value.charAt(cut - 1))) cut--;
        return value.substring(0, Math.max(cut, 0));
    }

    @Override
    public int maxSpan() {
        return MAX_LENGTH + 40;
    }

    /**
     * A number and its extension ({@code x 12}, {@code ext. 12}); the words after a number only ever lower its
     * score (street names), so a number reported now may at most be reported where the whole text would not.
     */
    @Override
    public int unsettledFrom(ScanText text) {
        return Settling.run(text.text(), PHONE_TOKEN);
    }

    private static final Settling.Token PHONE_TOKEN = Settling.VALUE_LIKE.or(Settling.words(java.util.Set.of("x", "ext")));
}
