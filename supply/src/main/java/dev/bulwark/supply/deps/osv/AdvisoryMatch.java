package dev.bulwark.supply.deps.osv;

import dev.bulwark.supply.deps.Ecosystem;
import dev.bulwark.supply.deps.version.Version;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An advisory that affects one package version.
 *
 * @param packageName   the normalised package name the advisory matched
 * @param version       the installed version that is affected
 * @param fixedVersions the fixed versions above it that close the affected ranges, in the ecosystem's order; empty
 *                      when no fix is known (open range or last_affected)
 */
public record AdvisoryMatch(Advisory advisory, Ecosystem ecosystem, String packageName, String version,
                            List<String> fixedVersions) {
    public AdvisoryMatch {
        Objects.requireNonNull(advisory, "advisory");
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(version, "version");
        fixedVersions = List.copyOf(fixedVersions);
    }

    /** The lowest version that fixes this advisory for the installed version, if one is known. */
    public Optional<String> nearestFix() {
        return fixedVersions.isEmpty() ? Optional.empty() : Optional.of(fixedVersions.getFirst());
    }

    static List<String> sorted(Ecosystem ecosystem, List<String> versions) {
        return versions.stream().distinct().sorted((a, b) -> {
            Version va = RangeMatcher.parseOrNull(ecosystem, a);
            Version vb = RangeMatcher.parseOrNull(ecosystem, b);
            if (va == null || vb == null) return a.compareTo(b);
            return va.compareTo(vb);
        }).toList();
    }
}
