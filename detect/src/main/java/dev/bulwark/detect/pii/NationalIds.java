package dev.bulwark.detect.pii;

import dev.bulwark.detect.Checksums;
import dev.bulwark.detect.ContextWords;
import dev.bulwark.detect.EntityType;
import dev.bulwark.detect.PatternRecognizer;
import dev.bulwark.detect.Settling;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * National identifiers with their validity rules. A bare digit run that merely passes a check digit is common, so
 * each scores low alone and needs its context words ("SSN", "NHS", "SIN", "DNI") to be reported.
 */
final class NationalIds {
    private static final int WINDOW = 40;

    private NationalIds() {
    }

    /** {@code ddd-dd-dddd}; the separator, if any, is the same twice. */
    private static final Pattern SSN = Pattern.compile("(?<![\\w-])([0-9]{3})([- ]?)([0-9]{2})\\2([0-9]{4})(?![\\w-]|[.,][0-9])");
    private static final Pattern NHS = Pattern.compile("(?<![\\w-])([0-9]{3})([- ]?)([0-9]{3})\\2([0-9]{4})(?![\\w-]|[.,][0-9])");
    private static final Pattern SIN = Pattern.compile("(?<![\\w-])([0-9]{3})([- ]?)([0-9]{3})\\2([0-9]{3})(?![\\w-]|[.,][0-9])");
    private static final Pattern SPANISH = Pattern.compile("(?<![\\w-])([XYZxyz][0-9]{7}|[0-9]{8})-?+([A-Za-z])(?![\\w-])");

    /** Published or advertised example numbers: valid in form, but almost never a real person's. */
    private static final Set<String> EXAMPLE_SSNS = Set.of("123456789", "078051120", "219099999", "457555462",
            "111111111", "222222222", "333333333", "444444444", "555555555", "777777777", "888888888");

    private static final List<ContextWords> SSN_CONTEXT = List.of(
            ContextWords.before(WINDOW, 0.4, "ssn", "ssns", "social security", "social security number", "ss#", "ss #",
                    "social", "taxpayer", "tin"),
            ContextWords.before(30, -0.3, "phone", "tel", "call", "order", "invoice", "zip"));
    private static final List<ContextWords> NHS_CONTEXT = List.of(
            ContextWords.before(WINDOW, 0.5, "nhs", "national health", "health service", "patient", "nhs number",
                    "chi number"));
    private static final List<ContextWords> SIN_CONTEXT = List.of(
            ContextWords.before(WINDOW, 0.55, "sin", "social insurance", "insurance number", "nas",
                    "numéro d'assurance sociale"));
    private static final List<ContextWords> SPANISH_CONTEXT = List.of(
            ContextWords.before(WINDOW, 0.2, "dni", "nie", "nif", "documento", "identidad", "id", "passport"));

    static List<PatternRecognizer> recognizers() {
        PatternRecognizer[] all = all();
        return java.util.stream.Stream.of(all[0].inDigitRuns(9), all[1].inDigitRuns(10), all[2].inDigitRuns(9), all[3].inDigitRuns(7))
                .map(r -> r.settledBy(Settling::valueRun)).toList();
    }

    private static PatternRecognizer[] all() {
        return new PatternRecognizer[] {
                PatternRecognizer.of(EntityType.US_SSN, SSN, 0, List.of(), 11 + WINDOW, (text, m, s, e) -> {
                    int area = Integer.parseInt(m.group(1));
                    if (area == 0 || area == 666 || area >= 900) return -1;
                    if (m.group(3).equals("00") || m.group(4).equals("0000")) return -1;
                    String digits = m.group(1) + m.group(3) + m.group(4);
                    double base = m.group(2).isEmpty() ? 0.3 : 0.55;
                    double score = ContextWords.applyAll(SSN_CONTEXT, text, s, e, base);
                    return EXAMPLE_SSNS.contains(digits) ? Math.min(score, 0.3) : score;
                }),
                PatternRecognizer.of(EntityType.UK_NHS, NHS, 0, List.of(), 12 + WINDOW, (text, m, s, e) -> {
                    String digits = m.group(1) + m.group(3) + m.group(4);
                    if (!Checksums.nhs(digits)) return -1;
                    return ContextWords.applyAll(NHS_CONTEXT, text, s, e, 0.4);
                }),
                PatternRecognizer.of(EntityType.CA_SIN, SIN, 0, List.of(), 11 + WINDOW, (text, m, s, e) -> {
                    String digits = m.group(1) + m.group(3) + m.group(4);
                    if (digits.charAt(0) == '0' || digits.charAt(0) == '8' || !Checksums.luhn(digits)) return -1;
                    return ContextWords.applyAll(SIN_CONTEXT, text, s, e, 0.35);
                }),
                PatternRecognizer.of(EntityType.ES_NIF, SPANISH, 0, List.of(), 10 + WINDOW, (text, m, s, e) -> {
                    if (!Checksums.spanishId(m.group(1) + m.group(2))) return -1;
                    // A lower-case letter is rarely how an id is printed: keep it, but lower.
                    double base = Character.isUpperCase(m.group(2).charAt(0)) ? 0.75 : 0.5;
                    return ContextWords.applyAll(SPANISH_CONTEXT, text, s, e, base);
                })};
    }
}
