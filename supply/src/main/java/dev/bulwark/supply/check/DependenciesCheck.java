package dev.bulwark.supply.check;

import dev.bulwark.core.CheckContext;
import dev.bulwark.core.CheckDescriptor;
import dev.bulwark.core.CheckOutcome;
import dev.bulwark.core.Finding;
import dev.bulwark.core.LocalFilesCheck;
import dev.bulwark.core.VerdictTally;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.core.scope.DependenciesTarget;
import dev.bulwark.core.scope.ModelFilesTarget;
import dev.bulwark.core.scope.Target;
import dev.bulwark.kb.KnowledgeBase;
import dev.bulwark.supply.deps.DependencyScan;
import dev.bulwark.supply.deps.DependencyScanner;
import dev.bulwark.supply.deps.ExploitStatus;
import dev.bulwark.supply.deps.manifest.ManifestLimits;
import dev.bulwark.supply.deps.osv.AdvisoryDatabase;
import dev.bulwark.supply.deps.osv.CacheLocation;
import dev.bulwark.supply.deps.osv.ExploitData;
import dev.bulwark.supply.deps.trust.ModelFileRef;
import dev.bulwark.supply.model.ModelScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A scope's {@code dependencies} target inside {@code bulwark assess}: the manifests under its paths checked
 * against the cached OSV data ({@code bulwark db update}) and for untrustworthy components. Unsafe-loader
 * findings name the model files of the scope's {@code model-files} targets. Without cached advisories the
 * vulnerability part is reported as not tested, never as clean. Sends nothing.
 */
public final class DependenciesCheck extends LocalFilesCheck<DependenciesTarget> {
    private static final CheckDescriptor DESCRIPTOR = new CheckDescriptor("deps.scan",
            "Vulnerable and untrustworthy dependencies", WeaknessClass.VULNERABLE_DEPENDENCY,
            CheckDescriptor.Tier.CORE, "nothing: reads the target's manifests and the local OSV cache",
            "Reads requirements files, pyproject.toml, poetry.lock, Pipfile.lock, uv.lock, pylock.toml,"
                    + " environment.yml, package-lock.json and pom.xml; reports versions named by OSV advisories,"
                    + " AI loaders that run code from crafted model files, typosquats, unpinned or unhashed"
                    + " requirements, extra indexes and unpinned VCS dependencies.");

    public DependenciesCheck() {
        super(DESCRIPTOR, DependenciesTarget.class);
    }

    @Override
    protected CheckOutcome scan(DependenciesTarget deps, CheckContext context) {
        CacheLocation cache = CacheLocation.fromEnvironment();
        try {
            var scanner = new DependencyScanner(advisories(cache), new ExploitStatus(KnowledgeBase.bundled(),
                    ExploitData.loadIfReadable(cache)), ManifestLimits.defaults());
            DependencyScan scan = scanner.scan(deps.paths(), models(context));
            List<Finding> findings = scan.findings().stream().map(f -> f.forTarget(deps.id(), deps.assets())).toList();
            String notes = String.join("; ", concat(scan.problems(), scan.notes()));
            context.progress("checked " + scan.dependencyCount() + " dependencies");
            if (scan.manifests().isEmpty()) {
                return CheckOutcome.notTested("no readable manifest under " + deps.paths()
                        + (notes.isEmpty() ? "" : ": " + notes), VerdictTally.EMPTY.error("no manifest"));
            }
            VerdictTally tally = Tallies.of(scan.dependencyCount(), findings.stream()
                    .map(f -> f.location().path() + ":" + f.location().line()).distinct().count());
            return new CheckOutcome(dev.bulwark.core.Coverage.TESTED, findings, tally, notes);
        } catch (IOException | UncheckedIOException e) {
            return CheckOutcome.notTested("could not read " + deps.paths() + ": " + e.getMessage(),
                    VerdictTally.EMPTY.error(e.getMessage()));
        }
    }

    /** The cached OSV data, empty when there is none or it is damaged (vulnerabilities are then not tested). */
    private static Optional<AdvisoryDatabase> advisories(CacheLocation cache) {
        try {
            return AdvisoryDatabase.withData(cache);
        } catch (UncheckedIOException damaged) {
            return Optional.empty();
        }
    }

    /** Model files of the scope's model-files targets, so an unsafe loader names what it would load. */
    private static List<ModelFileRef> models(CheckContext context) throws IOException {
        var refs = new ArrayList<ModelFileRef>();
        for (Target t : context.scope().targets()) {
            if (t instanceof ModelFilesTarget m) refs.addAll(ModelFileRef.of(ModelScanner.standard().scan(m.paths())));
        }
        return refs;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var out = new ArrayList<String>(a);
        out.addAll(b);
        return out;
    }
}
