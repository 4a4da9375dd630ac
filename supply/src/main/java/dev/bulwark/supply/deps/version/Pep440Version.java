package dev.bulwark.supply.deps.version;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python package version ordered by PEP 440: epoch, release, pre-release (a &lt; b &lt; rc), post-release,
 * development release and local version label, with the spec's normalisation (alternative spellings such as
 * {@code alpha}, {@code preview}, {@code rev}, implicit post releases {@code 1.0-1}, separators, case).
 *
 * <p>Text that is not a PEP 440 version (old PyPI releases such as {@code 0.1-bulbasaur}) is kept as a legacy
 * version ordered the way setuptools' old {@code LegacyVersion} did, before every PEP 440 version: advisories still
 * list such releases, so refusing them would hide matches.
 */
public final class Pep440Version implements Version {
    // The grammar of PEP 440's appendix, written for Java; input length is capped so backtracking stays bounded.
    private static final Pattern PEP440 = Pattern.compile(
            "v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)"
                    + "(?:[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?"
                    + "(?:-(?<postImplicit>[0-9]+)|[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN>[0-9]+)?)?"
                    + "(?:[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?"
                    + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?");

    /** Rank of "no pre-release, but a dev release": sorts before every pre-release (1.0.dev0 &lt; 1.0a0). */
    private static final int PRE_BEFORE_ALL = -1;
    /** Rank of "no pre-release": a final release sorts after its pre-releases. */
    private static final int PRE_AFTER_ALL = 3;

    private final String text;
    private final List<String> legacyKey; // non-null only for legacy versions
    private final String epoch;
    private final List<String> release;
    private final int preRank;
    private final String preNumber;
    private final String post;
    private final String dev;
    private final List<String> local;

    private Pep440Version(String text, List<String> legacyKey, String epoch, List<String> release, int preRank,
                          String preNumber, String post, String dev, List<String> local) {
        this.text = text;
        this.legacyKey = legacyKey;
        this.epoch = epoch;
        this.release = release;
        this.preRank = preRank;
        this.preNumber = preNumber;
        this.post = post;
        this.dev = dev;
        this.local = local;
    }

    /** Parses any text (legacy when it is not PEP 440); throws only for empty or over-long text. */
    public static Pep440Version parse(String text) {
        String t = Version.checkedText(text);
        List<String> plain = plainRelease(t);
        if (plain != null) return new Pep440Version(t, null, "0", plain, PRE_AFTER_ALL, "0", null, null, null);
        String lower = t.toLowerCase(Locale.ROOT);
        Matcher m = PEP440.matcher(lower);
        if (!m.matches()) {
            return new Pep440Version(t, LegacyPythonKey.of(lower), "0", List.of(), 0, "0", null, null, null);
        }
        String epoch = m.group("epoch") == null ? "0" : Digits.canonical(m.group("epoch"));
        List<String> release = new ArrayList<>();
        for (String part : m.group("release").split("\\.")) release.add(Digits.canonical(part));
        while (release.size() > 1 && release.getLast().equals("0")) release.removeLast();
        String post = m.group("postImplicit") != null ? Digits.canonical(m.group("postImplicit"))
                : m.group("postL") != null ? numberOrZero(m.group("postN")) : null;
        String dev = m.group("devL") != null ? numberOrZero(m.group("devN")) : null;
        int preRank;
        String preNumber = "0";
        if (m.group("preL") != null) {
            preRank = switch (m.group("preL")) {
                case "a", "alpha" -> 0;
                case "b", "beta" -> 1;
                default -> 2; // c, pre, preview, rc
            };
            preNumber = numberOrZero(m.group("preN"));
        } else {
            preRank = post == null && dev != null ? PRE_BEFORE_ALL : PRE_AFTER_ALL;
        }
        List<String> local = m.group("local") == null ? null : Arrays.stream(m.group("local").split("[-_.]"))
                .map(part -> Digits.isDigits(part) ? Digits.canonical(part) : part).toList();
        return new Pep440Version(t, null, epoch, List.copyOf(release), preRank, preNumber, post, dev, local);
    }

    /** Fast path for the common "1.2.3": digits separated by single dots; null for anything else. */
    private static List<String> plainRelease(String t) {
        List<String> parts = new ArrayList<>(4);
        int start = 0;
        for (int i = 0; i <= t.length(); i++) {
            char c = i < t.length() ? t.charAt(i) : '.';
            if (c == '.') {
                if (i == start) return null;
                parts.add(Digits.canonical(t.substring(start, i)));
                start = i + 1;
            } else if (c < '0' || c > '9') {
                return null;
            }
        }
        while (parts.size() > 1 && parts.getLast().equals("0")) parts.removeLast();
        return List.copyOf(parts);
    }

    private static String numberOrZero(String digits) {
        return digits == null ? "0" : Digits.canonical(digits);
    }

    @Override
    public String text() {
        return text;
    }

    /** True for text that is not PEP 440 and is ordered by the legacy rules. */
    public boolean isLegacy() {
        return legacyKey != null;
    }

    /** True for alpha, beta, release-candidate and development releases. */
    public boolean isPreRelease() {
        return !isLegacy() && (preRank != PRE_AFTER_ALL || dev != null);
    }

    /** The normalised form PEP 440 prescribes ("1.0.0-ALPHA1" → "1.0.0a1"), or the text itself for legacy ones. */
    public String normalized() {
        if (isLegacy()) return text;
        var m = PEP440.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) return text;
        var sb = new StringBuilder();
        if (!epoch.equals("0")) sb.append(epoch).append('!');
        String[] rel = m.group("release").split("\\.");
        sb.append(String.join(".", Arrays.stream(rel).map(Digits::canonical).toList()));
        if (preRank >= 0 && preRank <= 2) sb.append(new String[]{"a", "b", "rc"}[preRank]).append(preNumber);
        if (post != null) sb.append(".post").append(post);
        if (dev != null) sb.append(".dev").append(dev);
        if (local != null) sb.append('+').append(String.join(".", local));
        return sb.toString();
    }

    @Override
    public int compareTo(Version o) {
        if (!(o instanceof Pep440Version other)) throw Version.mismatch(this, o);
        if (isLegacy() || other.isLegacy()) {
            if (!other.isLegacy()) return -1;
            if (!isLegacy()) return 1;
            return compareStrings(legacyKey, other.legacyKey);
        }
        int c = Digits.compare(epoch, other.epoch);
        if (c != 0) return c;
        c = compareNumbers(release, other.release);
        if (c != 0) return c;
        c = Integer.compare(preRank, other.preRank);
        if (c != 0) return c;
        if (preRank != PRE_BEFORE_ALL && preRank != PRE_AFTER_ALL) {
            c = Digits.compare(preNumber, other.preNumber);
            if (c != 0) return c;
        }
        c = compareAbsentFirst(post, other.post);
        if (c != 0) return c;
        c = compareAbsentLast(dev, other.dev);
        if (c != 0) return c;
        return compareLocal(local, other.local);
    }

    private static int compareAbsentFirst(String a, String b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
        return Digits.compare(a, b);
    }

    private static int compareAbsentLast(String a, String b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
        return Digits.compare(a, b);
    }

    /** Local labels: absent sorts first; numeric segments sort after alphanumeric ones; a longer label sorts later. */
    private static int compareLocal(List<String> a, List<String> b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i);
            String y = b.get(i);
            boolean xn = Digits.isDigits(x);
            boolean yn = Digits.isDigits(y);
            int c = xn && yn ? Digits.compare(Digits.canonical(x), Digits.canonical(y))
                    : xn ? 1 : yn ? -1 : Integer.signum(x.compareTo(y));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareNumbers(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Digits.compare(a.get(i), b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareStrings(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) return Integer.signum(c);
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pep440Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return isLegacy() ? legacyKey.hashCode() : java.util.Objects.hash(epoch, release, preRank, preNumber, post, dev, local);
    }

    @Override
    public String toString() {
        return text;
    }
}
