package dev.bulwark.correlate;

import dev.bulwark.core.Classification;
import dev.bulwark.core.Finding;
import dev.bulwark.core.scope.Asset;
import dev.bulwark.core.scope.Scope;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the scope says about the targets findings name: the assets each one touches and their classification. */
final class ScopeIndex {
    private final Scope scope;

    ScopeIndex(Scope scope) {
        this.scope = scope;
    }

    /** Assets a finding touches: its own asset ids plus those its target declares in the scope. */
    List<Asset> assetsOf(Finding finding) {
        var ids = new LinkedHashSet<>(finding.assets());
        if (finding.target() != null) scope.target(finding.target()).ifPresent(t -> ids.addAll(t.assets()));
        return ids.stream().map(scope::asset).flatMap(Optional::stream).toList();
    }

    List<Asset> assetsOf(Collection<Finding> findings) {
        var assets = new LinkedHashSet<Asset>();
        findings.forEach(f -> assets.addAll(assetsOf(f)));
        return List.copyOf(assets);
    }

    boolean touches(Finding finding, Set<Classification> classifications) {
        return assetsOf(finding).stream().anyMatch(a -> classifications.contains(a.classification()));
    }

    boolean touchesKind(Finding finding, Asset.AssetKind kind) {
        return assetsOf(finding).stream().anyMatch(a -> a.kind() == kind);
    }

    List<dev.bulwark.core.scope.ThreatActor> threatActors() {
        return scope.threatActors();
    }
}
