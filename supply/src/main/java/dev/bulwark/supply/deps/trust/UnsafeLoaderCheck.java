package dev.bulwark.supply.deps.trust;

import dev.bulwark.core.Confidence;
import dev.bulwark.core.Finding;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.kb.CvssScorer;
import dev.bulwark.supply.deps.CondaNames;
import dev.bulwark.supply.deps.Dependency;
import dev.bulwark.supply.deps.DepsFindings;
import dev.bulwark.supply.deps.manifest.Manifest;
import dev.bulwark.supply.deps.manifest.Pep508;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * AI library versions whose model loaders run code from a crafted model file (torch &lt; 2.6.0 through
 * {@code weights_only=True}, Keras safe_mode bypasses, …), named together with the model files found that such a
 * loader would read: an unsafe model plus an unsafe loader is code execution on load. A version range that only
 * may resolve to an affected release is reported tentatively, one severity band lower.
 *
 * <p>These are vulnerable-dependency findings (they carry the advisory's CVE ids and CVSS); the OSV match for the
 * same advisory is folded into them by the scanner.
 */
final class UnsafeLoaderCheck implements TrustCheck {
    private static final int LISTED_MODELS = 8;
    private final List<LoaderAdvisory> advisories;

    UnsafeLoaderCheck(List<LoaderAdvisory> advisories) {
        this.advisories = List.copyOf(advisories);
    }

    @Override
    public List<Finding> check(TrustInput input) {
        var out = new ArrayList<Finding>();
        for (Manifest m : input.manifests()) {
            Set<String> seen = new HashSet<>();
            for (Dependency declared : m.dependencies()) {
                Dependency d = CondaNames.asPypi(declared);
                String key = key(d.ecosystem().osvName(), d.name());
                for (LoaderAdvisory a : advisories) {
                    if (!key.equals(key(a.ecosystem(), a.packageName()))) continue;
                    var exposure = VersionBounds.exposure(d, a.introduced(), a.fixed());
                    if (exposure != VersionBounds.Exposure.AFFECTED && exposure != VersionBounds.Exposure.POSSIBLY_AFFECTED) continue;
                    if (!seen.add(d.name() + "\u001f" + a.ids().get(0))) continue;
                    out.add(finding(declared, a, exposure == VersionBounds.Exposure.AFFECTED, input.models()));
                }
            }
        }
        return out;
    }

    /** "pypi|name" with PEP 503 names for PyPI, lower case elsewhere; advisory keys are cached. */
    private final java.util.Map<String, String> keys = new java.util.concurrent.ConcurrentHashMap<>();

    private String key(String ecosystem, String name) {
        String raw = ecosystem + "|" + name;
        String cached = keys.get(raw);
        if (cached != null) return cached;
        String eco = ecosystem.toLowerCase(Locale.ROOT);
        String k = eco + "|" + (eco.equals("pypi") ? Pep508.normalize(name) : name.toLowerCase(Locale.ROOT));
        if (keys.size() < 10_000) keys.put(raw, k);
        return k;
    }

    private static Finding finding(Dependency d, LoaderAdvisory a, boolean certain, List<ModelFileRef> models) {
        List<ModelFileRef> loaded = models.stream().filter(f -> a.formats().contains(f.format())).toList();
        String who = DepsFindings.describe(d);
        var description = new StringBuilder();
        description.append(certain ? who + " is affected by " : who + " allows versions affected by ")
                .append(String.join(" / ", a.ids())).append(": ").append(a.reason())
                .append(". Fixed in ").append(a.fixed()).append('.');
        if (!loaded.isEmpty()) {
            description.append(' ').append(who).append(certain ? " would load " : " may load ")
                    .append(String.join(", ", loaded.stream().limit(LISTED_MODELS).map(f -> f.path() + " (" + f.format() + ")").toList()))
                    .append(loaded.size() > LISTED_MODELS ? " and " + (loaded.size() - LISTED_MODELS) + " more" : "")
                    .append(": a crafted file among them runs code the moment it is loaded.");
        } else {
            description.append(" No model file of the formats it loads (").append(String.join(", ", a.formats()))
                    .append(") was given to this scan; any such file it loads from outside your control can run code.");
        }
        var cvss = CvssScorer.score(a.cvss());
        var b = DepsFindings.builder(DepsFindings.UNSAFE_LOADER, WeaknessClass.VULNERABLE_DEPENDENCY, d.source())
                .title((certain ? "" : "Possibly ") + "unsafe model loader: " + who + " (" + a.ids().get(0) + ")"
                        + (loaded.isEmpty() ? "" : " with " + loaded.size() + " model file" + (loaded.size() == 1 ? "" : "s")))
                .cve(a.ids())
                .cwe(a.cwe())
                .confidence(certain ? Confidence.FIRM : Confidence.TENTATIVE)
                .rootCause(a.ids().get(0))
                .description(description.toString())
                .remediation("Upgrade " + d.name() + " to " + a.fixed() + " or later (pin it), and load only model files"
                        + " you have scanned or produced yourself, preferably in weights-only formats such as safetensors.")
                .references(a.ids().stream().map(UnsafeLoaderCheck::reference).toList());
        // certain: the advisory's own vector; a range that may resolve to an affected release: one band lower
        b.cvss(certain ? cvss : DepsFindings.medium());
        return b.build();
    }

    static String reference(String id) {
        if (id.startsWith("GHSA-")) return "https://github.com/advisories/" + id;
        if (id.startsWith("CVE-")) return "https://nvd.nist.gov/vuln/detail/" + id;
        return "https://osv.dev/vulnerability/" + id;
    }
}
