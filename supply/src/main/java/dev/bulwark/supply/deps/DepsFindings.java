package dev.bulwark.supply.deps;

import dev.bulwark.core.Cvss;
import dev.bulwark.core.Finding;
import dev.bulwark.core.Location;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.kb.CvssScorer;

/**
 * The dependency scanner's check ids and what its findings share: the location of a declaration, and the CVSS
 * vectors that grade untrustworthy-component findings below the class default (without a vector of its own a
 * finding takes the knowledge base's 7.5 for the class).
 */
public final class DepsFindings {
    /** A dependency version named by an OSV advisory. */
    public static final String VULNERABLE = "deps.vulnerable";
    /** An AI library version whose model loader runs code from crafted model files. */
    public static final String UNSAFE_LOADER = "deps.unsafe-loader";
    /** A name that imitates a popular package. */
    public static final String TYPOSQUAT = "deps.typosquat";
    /** Requirements that allow more than one version. */
    public static final String UNPINNED = "deps.unpinned";
    /** Requirements without hashes, or only some of them with hashes (pip then refuses to install). */
    public static final String UNHASHED = "deps.unhashed";
    /** An extra package index searched alongside the primary one: the dependency-confusion route. */
    public static final String EXTRA_INDEX = "deps.extra-index";
    /** A VCS or URL dependency without a full commit hash or archive hash. */
    public static final String UNPINNED_VCS = "deps.unpinned-vcs";

    /** 5.0 medium: the attacker needs a chosen name or version installed (AC:H, UI:R), partial impact. */
    public static final String MEDIUM_VECTOR = "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:L";
    /** 3.1 low: a weakening that needs other failures to matter. */
    public static final String LOW_VECTOR = "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:N/I:L/A:N";

    private DepsFindings() {
    }

    public static Location location(Dependency.Source source) {
        return new Location(null, source.file(), null, null, source.line() > 0 ? source.line() : null, null);
    }

    public static Cvss medium() {
        return CvssScorer.score(MEDIUM_VECTOR);
    }

    public static Cvss low() {
        return CvssScorer.score(LOW_VECTOR);
    }

    /** A builder with the check, class and location filled in. */
    public static Finding.Builder builder(String check, WeaknessClass weakness, Dependency.Source source) {
        return Finding.builder(check, weakness).location(location(source)).target("dependencies");
    }

    /** "torch 2.1.0" or "torch (>=2.0)" or "torch". */
    public static String describe(Dependency d) {
        if (d.version().isPresent()) return d.name() + " " + d.version().get();
        if (!d.specifier().isEmpty()) return d.name() + " (" + d.specifier() + ")";
        return d.name();
    }
}
