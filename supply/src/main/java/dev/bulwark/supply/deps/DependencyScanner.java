package dev.bulwark.supply.deps;

import dev.bulwark.core.Coverage;
import dev.bulwark.core.Finding;
import dev.bulwark.core.VerdictTally;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.core.engine.CheckRun;
import dev.bulwark.supply.deps.manifest.Manifest;
import dev.bulwark.supply.deps.manifest.ManifestException;
import dev.bulwark.supply.deps.manifest.ManifestFormat;
import dev.bulwark.supply.deps.manifest.ManifestLimits;
import dev.bulwark.supply.deps.osv.AdvisoryDatabase;
import dev.bulwark.supply.deps.osv.AdvisoryMatch;
import dev.bulwark.supply.deps.trust.ModelFileRef;
import dev.bulwark.supply.deps.trust.TrustCheck;
import dev.bulwark.supply.deps.trust.TrustInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The dependency scanner: finds manifests under the given paths, reads them, runs the untrustworthy-component
 * checks and looks every pinned dependency up in the offline OSV data. Never touches the network: without advisory
 * data the vulnerability check is reported "not tested" (run {@code bulwark db update}), never "no
 * vulnerabilities". Stateless apart from its inputs; one instance may scan many times.
 *
 * <p>An advisory that the unsafe-loader check already reports for the same dependency (torch &lt; 2.6.0,
 * CVE-2025-32434) is not reported twice: the loader finding carries its ids and names the model files at risk.
 */
public final class DependencyScanner {
    static final int MAX_MANIFESTS = 10_000;

    private final Optional<AdvisoryDatabase> advisories;
    private final ExploitStatus exploits;
    private final ManifestLimits limits;
    private final List<TrustCheck> trustChecks;

    /**
     * @param advisories the offline OSV data, empty when there is none (vulnerabilities are then not tested)
     * @param exploits   KEV / EPSS lookups for the advisories' CVE ids
     */
    public DependencyScanner(Optional<AdvisoryDatabase> advisories, ExploitStatus exploits, ManifestLimits limits) {
        this(advisories, exploits, limits, TrustCheck.all());
    }

    DependencyScanner(Optional<AdvisoryDatabase> advisories, ExploitStatus exploits, ManifestLimits limits,
                      List<TrustCheck> trustChecks) {
        this.advisories = Objects.requireNonNull(advisories, "advisories");
        this.exploits = Objects.requireNonNull(exploits, "exploits");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.trustChecks = List.copyOf(trustChecks);
    }

    /** Scans manifests under {@code paths}; {@code models} are model files found by the model scanner (may be empty). */
    public DependencyScan scan(List<Path> paths, List<ModelFileRef> models) throws IOException {
        var found = new ManifestFinder(MAX_MANIFESTS).find(paths);
        var problems = new ArrayList<>(found.problems());
        var manifests = new ArrayList<Manifest>();
        var checkRuns = new ArrayList<CheckRun>();
        for (Path file : found.manifests()) {
            ManifestFormat format = ManifestFormat.byFileName(file).orElseThrow();
            try {
                manifests.add(format.parse(file, limits));
            } catch (ManifestException e) {
                problems.add(e.getMessage());
                checkRuns.add(new CheckRun("deps.manifest", file.toString(), WeaknessClass.VULNERABLE_DEPENDENCY,
                        Coverage.NOT_TESTED, VerdictTally.EMPTY.error(e.getMessage()), "not verified: " + e.getMessage()));
            }
        }
        return scanManifests(manifests, models, problems, checkRuns);
    }

    /** Checks manifests already read (the scope's dependency targets, tests). */
    public DependencyScan scanManifests(List<Manifest> manifests, List<ModelFileRef> models) {
        return scanManifests(manifests, models, new ArrayList<>(), new ArrayList<>());
    }

    private DependencyScan scanManifests(List<Manifest> manifests, List<ModelFileRef> models, List<String> problems,
                                         List<CheckRun> checkRuns) {
        var findings = new ArrayList<Finding>();
        var input = new TrustInput(manifests, models);
        for (TrustCheck check : trustChecks) findings.addAll(check.check(input));
        Set<String> loaderIds = loaderKeys(findings);
        var notes = new ArrayList<String>();
        for (Manifest m : manifests) {
            notes.addAll(m.notes());
            checkRuns.add(new CheckRun("deps.trust", m.file().toString(), WeaknessClass.UNTRUSTWORTHY_COMPONENT,
                    Coverage.TESTED, VerdictTally.EMPTY, m.entries().size() + " dependencies"));
            checkRuns.add(vulnerabilities(m, loaderIds, findings));
            if (!m.notes().isEmpty()) {
                checkRuns.add(new CheckRun("deps.manifest", m.file().toString(), WeaknessClass.VULNERABLE_DEPENDENCY,
                        Coverage.NOT_TESTED, VerdictTally.EMPTY, "partly not verified: " + String.join("; ", m.notes())));
            }
        }
        return new DependencyScan(manifests, withExploitNotes(findings), checkRuns, problems, notes);
    }

    private CheckRun vulnerabilities(Manifest m, Set<String> loaderIds, List<Finding> findings) {
        String target = m.file().toString();
        if (advisories.isEmpty()) {
            return new CheckRun(DepsFindings.VULNERABLE, target, WeaknessClass.VULNERABLE_DEPENDENCY, Coverage.NOT_TESTED,
                    VerdictTally.EMPTY, "no offline advisory data: run 'bulwark db update'");
        }
        AdvisoryDatabase db = advisories.get();
        Set<Ecosystem> missing = EnumSet.noneOf(Ecosystem.class);
        int checked = 0;
        int unpinned = 0;
        for (Dependency declared : m.dependencies()) {
            Dependency d = CondaNames.asPypi(declared);
            if (!db.hasData(d.ecosystem())) {
                missing.add(d.ecosystem());
                continue;
            }
            if (d.version().isEmpty()) {
                unpinned++;
                continue;
            }
            checked++;
            for (AdvisoryMatch match : db.lookup(d)) {
                if (coveredByLoaderFinding(declared, match, loaderIds)) continue;
                findings.add(VulnerabilityFindings.of(declared, match, exploits));
            }
        }
        String note = checked + " pinned dependencies checked against OSV"
                + (unpinned > 0 ? "; " + unpinned + " without an exact version not checked" : "")
                + (missing.isEmpty() ? "" : "; no advisory data for " + missing + " (run 'bulwark db update')");
        boolean tested = checked > 0 || missing.isEmpty();
        return new CheckRun(DepsFindings.VULNERABLE, target, WeaknessClass.VULNERABLE_DEPENDENCY,
                tested ? Coverage.TESTED : Coverage.NOT_TESTED, VerdictTally.EMPTY, note);
    }

    /** "file|line|id" for every advisory id an unsafe-loader finding carries. */
    private static Set<String> loaderKeys(List<Finding> findings) {
        var keys = new HashSet<String>();
        for (Finding f : findings) {
            if (!f.check().equals(DepsFindings.UNSAFE_LOADER)) continue;
            Integer line = f.location().line();
            for (String id : f.cve()) keys.add(f.location().path() + "|" + (line == null ? 0 : line) + "|" + id);
        }
        return keys;
    }

    private static boolean coveredByLoaderFinding(Dependency d, AdvisoryMatch match, Set<String> loaderIds) {
        if (loaderIds.isEmpty()) return false;
        String prefix = d.source().file() + "|" + d.source().line() + "|";
        if (loaderIds.contains(prefix + match.advisory().id())) return true;
        return match.advisory().aliases().stream().anyMatch(a -> loaderIds.contains(prefix + a));
    }

    /** Adds KEV / EPSS sentences to unsafe-loader findings (vulnerable ones get them when built). */
    private List<Finding> withExploitNotes(List<Finding> findings) {
        var out = new ArrayList<Finding>(findings.size());
        for (Finding f : findings) {
            Optional<String> note = f.check().equals(DepsFindings.UNSAFE_LOADER) ? exploits.describe(f.cve()) : Optional.empty();
            out.add(note.map(n -> new Finding(f.id(), f.fingerprint(), f.check(), f.weakness(), f.title(), f.severity(),
                    f.confidence(), f.cvss(), f.cwe(), f.cve(), f.owaspLlm(), f.atlas(), f.target(), f.assets(), f.location(),
                    f.evidence(), f.description() + " " + n, f.remediation(), f.controls(), f.references())).orElse(f));
        }
        return out;
    }
}
