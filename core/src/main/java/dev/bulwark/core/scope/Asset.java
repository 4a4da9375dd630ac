package dev.bulwark.core.scope;

import dev.bulwark.core.Classification;

/** Something worth protecting (book §2.3 step 1), with its data classification. */
public record Asset(String id, AssetKind kind, Classification classification, String description) {

    public enum AssetKind {
        DATASET, MODEL, MODEL_API, SERVICE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
