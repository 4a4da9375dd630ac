package dev.bulwark.supply.deps.trust;

import dev.bulwark.supply.deps.manifest.Manifest;
import java.util.List;

/** What the trust checks look at: the manifests read, and the model files found next to them (may be empty). */
public record TrustInput(List<Manifest> manifests, List<ModelFileRef> models) {
    public TrustInput {
        manifests = List.copyOf(manifests);
        models = List.copyOf(models);
    }
}
