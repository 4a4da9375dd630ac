package dev.bulwark.supply.deps.trust;

import dev.bulwark.core.Confidence;
import dev.bulwark.core.Finding;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.supply.deps.Dependency;
import dev.bulwark.supply.deps.DepsFindings;
import dev.bulwark.supply.deps.manifest.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reports dependencies installed from a VCS without a full commit hash (a branch or tag can be moved to other code)
 * and from a URL without an archive hash (the server can change what it serves). Local paths are not reported.
 */
final class VcsPinCheck implements TrustCheck {
    private static final Pattern VCS = Pattern.compile("^(?i)(git|hg|svn|bzr)\\+.*|^git://.*|^github:.*|^git@.*");
    /** A full SHA-1 or SHA-256 commit id. */
    private static final Pattern FULL_COMMIT = Pattern.compile("(?i)^(?:[0-9a-f]{40}|[0-9a-f]{64})$");

    @Override
    public List<Finding> check(TrustInput input) {
        var out = new ArrayList<Finding>();
        for (Manifest m : input.manifests()) {
            for (Dependency d : m.dependencies()) {
                if (d.origin().isEmpty()) continue;
                String origin = d.origin().get();
                if (VCS.matcher(origin).matches()) {
                    Optional<String> ref = reference(origin);
                    if (ref.isPresent() && FULL_COMMIT.matcher(ref.get()).matches()) continue;
                    out.add(finding(d, origin, ref.map(r -> "the reference '" + r + "' is a branch, tag or short hash that can be moved")
                            .orElse("no commit is named, so whatever the default branch holds is installed")));
                } else if ((origin.startsWith("http://") || origin.startsWith("https://")) && d.hashes().isEmpty()) {
                    out.add(finding(d, origin, "no hash is given for the archive, so the server can change what is installed"));
                }
            }
        }
        return out;
    }

    /** The revision of "git+https://host/repo.git@REV#egg=x" or "git+ssh://…#REV" (npm). */
    static Optional<String> reference(String origin) {
        String s = origin;
        int hash = s.indexOf('#');
        String fragment = hash >= 0 ? s.substring(hash + 1) : "";
        if (hash >= 0) s = s.substring(0, hash);
        int scheme = s.indexOf("://");
        String path = scheme >= 0 ? s.substring(scheme + 3) : s;
        int slash = path.indexOf('/');
        int at = path.lastIndexOf('@');
        if (at > slash && slash >= 0) return Optional.of(path.substring(at + 1));
        if (!fragment.isEmpty() && !fragment.contains("=")) return Optional.of(fragment);
        return Optional.empty();
    }

    private static Finding finding(Dependency d, String origin, String why) {
        String shown = IndexCheck.redact(origin);
        return DepsFindings.builder(DepsFindings.UNPINNED_VCS, WeaknessClass.UNTRUSTWORTHY_COMPONENT, d.source())
                .title(d.name() + " is installed from " + (VCS.matcher(origin).matches() ? "a VCS" : "a URL") + " without a pinned commit or hash")
                .cvss(DepsFindings.medium())
                .confidence(Confidence.FIRM)
                .rootCause(d.name())
                .description("'" + d.name() + "' comes from " + shown + ": " + why + ". Whoever controls that"
                        + " repository or server decides what code you install next time.")
                .remediation("Pin the full 40-character commit hash (…@<commit>) or add a --hash for the archive, and"
                        + " review changes before moving the pin.")
                .build();
    }
}
