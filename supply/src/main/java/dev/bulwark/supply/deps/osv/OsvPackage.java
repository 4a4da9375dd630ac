package dev.bulwark.supply.deps.osv;

import java.util.Objects;

/** The package an OSV {@code affected} entry is about, as named in the record. */
public record OsvPackage(String ecosystem, String name, String purl) {
    public OsvPackage {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(name, "name");
        purl = purl == null ? "" : purl;
    }
}
