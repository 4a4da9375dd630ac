package dev.bulwark.detect.pii;

import dev.bulwark.detect.Checksums;
import dev.bulwark.detect.Entity;
import dev.bulwark.detect.EntityType;
import dev.bulwark.detect.Recognizer;
import dev.bulwark.detect.ScanText;
import dev.bulwark.detect.Settling;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IBANs, printed compact or in groups of four, any case: the country's registered length, then ISO 13616 mod-97.
 * The value ends where the country's length is reached, so a following word never clings to it.
 */
final class Ibans implements Recognizer {
    private static final Pattern CANDIDATE = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{2}[0-9]{2}(?: ?+[A-Za-z0-9]){11,30}+");

    /** Total IBAN length per country (the SWIFT IBAN registry). */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BR", 29),
            Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24),
            Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("DO", 28), Map.entry("EE", 20), Map.entry("EG", 29),
            Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
            Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28),
            Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23),
            Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20),
            Map.entry("LB", 28), Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20),
            Map.entry("LV", 21), Map.entry("LY", 25), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22),
            Map.entry("MK", 19), Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NL", 18),
            Map.entry("NO", 15), Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25),
            Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("SA", 24), Map.entry("SC", 31),
            Map.entry("SD", 18), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27),
            Map.entry("ST", 25), Map.entry("SV", 28), Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26),
            Map.entry("UA", 29), Map.entry("VA", 22), Map.entry("VG", 24), Map.entry("XK", 20));

    static final int MAX_LENGTH = 34 + 8;

    @Override
    public void scan(ScanText text, List<Entity> out) {
        String s = text.text();
        Matcher m = CANDIDATE.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
        // Every IBAN's check digits start a digit run right after its two country letters.
        int[] windows = text.digitRuns(2);
        int done = 0;
        for (int w = 0; w < windows.length; w += 2) {
            for (int p = Math.max(windows[w], Math.max(2, done + 2)); p + 1 < windows[w + 1]; p++) {
                if (!ascii(s.charAt(p - 2)) || !ascii(s.charAt(p - 1)) || !digit(s.charAt(p)) || !digit(s.charAt(p + 1))) continue;
                int start = p - 2;
                m.region(start, Math.min(s.length(), start + MAX_CANDIDATE));
                if (!m.lookingAt()) continue;
                int end = accept(s, start, m.end());
                if (end < 0) continue;
                out.add(new Entity(EntityType.IBAN, start, end, 0.95));
                done = end;
                p = end - 1;
            }
        }
    }

    /** Country, check digits and up to 30 more characters, each maybe after a space. */
    private static final int MAX_CANDIDATE = 4 + 60;

    private static boolean ascii(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** End of the valid IBAN starting at {@code start}, or -1. */
    static int accept(String text, int start, int limit) {
        String country = text.substring(start, start + 2).toUpperCase(Locale.ROOT);
        Integer length = LENGTHS.get(country);
        if (length == null) return -1;
        var compact = new StringBuilder(length);
        int i = start;
        while (i < limit && compact.length() < length) {
            char c = text.charAt(i++);
            if (c != ' ') compact.append(Character.toUpperCase(c));
        }
        if (compact.length() != length) return -1;
        if (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) return -1; // cut mid-group: not ours
        return Checksums.iban(compact.toString()) ? i : -1;
    }

    @Override
    public int maxSpan() {
        return MAX_LENGTH;
    }

    /**
     * An IBAN may be printed in lower case, with groups of letters only ("gb29 nwbk 6016 …"): from the earliest
     * IBAN head after which the text holds only letters, digits and single spaces, else the value-like run.
     */
    @Override
    public int unsettledFrom(ScanText text) {
        String s = text.text();
        int from = s.length();
        int limit = Math.max(0, s.length() - MAX_CANDIDATE);
        for (int i = s.length() - 1; i >= limit; i--) {
            char c = s.charAt(i);
            boolean inside = c < 128 && Character.isLetterOrDigit(c) || c == ' ' && (i + 1 == s.length() || s.charAt(i + 1) != ' ');
            if (!inside) break;
            if (i + 3 < s.length() && ascii(c) && ascii(s.charAt(i + 1)) && digit(s.charAt(i + 2)) && digit(s.charAt(i + 3))
                    && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))) {
                from = i;
            }
        }
        return Math.min(from, Settling.valueRun(text));
    }
}
