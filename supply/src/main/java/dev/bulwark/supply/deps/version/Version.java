package dev.bulwark.supply.deps.version;

import dev.bulwark.supply.deps.Ecosystem;
import java.util.Objects;

/**
 * A version in one ecosystem's ordering. Versions of different schemes do not compare: {@link #compareTo} throws
 * {@link IllegalArgumentException} when asked to (a PyPI version is never "less" than a Maven one).
 */
public sealed interface Version extends Comparable<Version> permits Pep440Version, MavenVersion, SemverVersion {

    /** Longest version string we accept; real ones are far shorter, anything longer is hostile or broken. */
    int MAX_LENGTH = 256;

    /** The version as it was written. */
    String text();

    /**
     * Parses a version with the ordering its ecosystem uses: PEP 440 for PyPI and conda (conda's own ordering agrees
     * on the versions conda shares with PyPI), Maven's for Maven, npm semver for npm.
     *
     * @throws IllegalArgumentException when the text is empty, too long or, for semver, not a version
     */
    static Version parse(Ecosystem ecosystem, String text) {
        Objects.requireNonNull(ecosystem, "ecosystem");
        return switch (ecosystem) {
            case PYPI, CONDA -> Pep440Version.parse(text);
            case MAVEN -> MavenVersion.parse(text);
            case NPM -> SemverVersion.parse(text);
        };
    }

    /** Equal in the ecosystem's ordering ("1.0" and "1.0.0" in PyPI), not necessarily equal text. */
    default boolean sameAs(Version other) {
        return compareTo(other) == 0;
    }

    static String checkedText(String text) {
        if (text == null) throw new IllegalArgumentException("no version");
        String t = text.strip();
        if (t.isEmpty()) throw new IllegalArgumentException("empty version");
        if (t.length() > MAX_LENGTH) throw new IllegalArgumentException("version longer than " + MAX_LENGTH + " characters");
        return t;
    }

    static IllegalArgumentException mismatch(Version a, Version b) {
        return new IllegalArgumentException("cannot compare " + a.getClass().getSimpleName() + " '" + a.text()
                + "' with " + b.getClass().getSimpleName() + " '" + b.text() + "'");
    }
}
