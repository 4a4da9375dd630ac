package dev.bulwark.supply.deps.trust;

import dev.bulwark.core.Confidence;
import dev.bulwark.core.Finding;
import dev.bulwark.core.WeaknessClass;
import dev.bulwark.supply.deps.Dependency;
import dev.bulwark.supply.deps.DepsFindings;
import dev.bulwark.supply.deps.manifest.Manifest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reports dependencies whose names imitate popular AI/ML packages, once per name and manifest. */
final class TyposquatCheck implements TrustCheck {
    private final TyposquatDetector detector;

    TyposquatCheck(PopularPackages packages) {
        this.detector = new TyposquatDetector(packages);
    }

    @Override
    public List<Finding> check(TrustInput input) {
        var out = new ArrayList<Finding>();
        for (Manifest m : input.manifests()) {
            Set<String> seen = new HashSet<>();
            for (Dependency d : m.dependencies()) {
                if (!seen.add(d.ecosystem() + ":" + PopularPackages.normalize(d.ecosystem(), d.name()))) continue;
                Optional<Lookalike> hit = detector.check(d.ecosystem(), d.name());
                hit.ifPresent(l -> out.add(finding(d, l)));
            }
        }
        return out;
    }

    private static Finding finding(Dependency d, Lookalike l) {
        var b = DepsFindings.builder(DepsFindings.TYPOSQUAT, WeaknessClass.UNTRUSTWORTHY_COMPONENT, d.source())
                .title("Possible typosquat: " + d.name() + " looks like " + l.popular())
                .confidence(Confidence.TENTATIVE)
                .rootCause(d.name())
                .description("The dependency '" + d.name() + "' looks like " + l.technique().phrase() + " the popular package '"
                        + l.popular() + "'" + (l.technique() == Lookalike.Technique.EDIT_DISTANCE
                        ? " (" + l.distance() + " character" + (l.distance() == 1 ? "" : "s") + " apart)" : "")
                        + ". Attackers publish look-alike names so that a typo or a copied install line pulls in their"
                        + " code, which runs when the package is installed or imported.")
                .remediation("Check that '" + d.name() + "' is the package you meant. If you meant '" + l.popular()
                        + "', fix the name and reinstall in a clean environment; if you did install the look-alike, treat"
                        + " the machine and its credentials as compromised.");
        if (!l.strong()) b.cvss(DepsFindings.medium());
        return b.build();
    }
}
