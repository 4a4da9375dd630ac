package dev.bulwark.supply.deps.version;

import java.util.ArrayList;
import java.util.List;

/**
 * A Semantic Versioning 2.0 version as npm orders it: major.minor.patch compared numerically (any size), a version
 * with a pre-release sorting before the same version without one, pre-release identifiers compared one by one
 * (numeric ones by value and before alphanumeric ones, alphanumeric ones in ASCII order, fewer identifiers first),
 * build metadata ignored. Leniencies OSV data needs: a leading "v" or "=", missing minor/patch read as 0, and
 * components after the third treated as build metadata.
 */
public final class SemverVersion implements Version {
    private final String text;
    private final List<String> core; // major, minor, patch as canonical digit runs
    private final List<String> preRelease;

    private SemverVersion(String text, List<String> core, List<String> preRelease) {
        this.text = text;
        this.core = core;
        this.preRelease = preRelease;
    }

    /** @throws IllegalArgumentException when the text does not start with a numeric major version */
    public static SemverVersion parse(String text) {
        String t = Version.checkedText(text);
        String s = t;
        if (s.startsWith("=")) s = s.substring(1).strip();
        if (s.startsWith("v") || s.startsWith("V")) s = s.substring(1);
        int plus = s.indexOf('+');
        if (plus >= 0) s = s.substring(0, plus);
        int dash = s.indexOf('-');
        String corePart = dash >= 0 ? s.substring(0, dash) : s;
        String prePart = dash >= 0 ? s.substring(dash + 1) : null;
        String[] numbers = corePart.split("\\.", -1);
        List<String> core = new ArrayList<>(3);
        for (int i = 0; i < 3; i++) {
            String n = i < numbers.length ? numbers[i] : "0";
            if (!Digits.isDigits(n)) throw new IllegalArgumentException("not a semver version: '" + t + "'");
            core.add(Digits.canonical(n));
        }
        for (int i = 3; i < numbers.length; i++) {
            if (!Digits.isDigits(numbers[i])) throw new IllegalArgumentException("not a semver version: '" + t + "'");
        }
        List<String> pre = prePart == null ? List.of() : List.of(prePart.split("\\.", -1));
        if (prePart != null && pre.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("empty pre-release identifier in '" + t + "'");
        }
        return new SemverVersion(t, List.copyOf(core), pre);
    }

    @Override
    public String text() {
        return text;
    }

    public boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    @Override
    public int compareTo(Version o) {
        if (!(o instanceof SemverVersion other)) throw Version.mismatch(this, o);
        for (int i = 0; i < 3; i++) {
            int c = Digits.compare(core.get(i), other.core.get(i));
            if (c != 0) return c;
        }
        if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
        }
        for (int i = 0; i < Math.min(preRelease.size(), other.preRelease.size()); i++) {
            int c = compareIdentifiers(preRelease.get(i), other.preRelease.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(preRelease.size(), other.preRelease.size());
    }

    private static int compareIdentifiers(String a, String b) {
        boolean an = Digits.isDigits(a);
        boolean bn = Digits.isDigits(b);
        if (an && bn) return Digits.compare(Digits.canonical(a), Digits.canonical(b));
        if (an != bn) return an ? -1 : 1;
        return Integer.signum(a.compareTo(b));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SemverVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return core.hashCode() * 31 + preRelease.stream().map(p -> Digits.isDigits(p) ? Digits.canonical(p) : p).toList().hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
