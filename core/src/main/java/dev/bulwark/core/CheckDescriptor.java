package dev.bulwark.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a check is, in one place: a stable id ({@code family.name}), a title, the weakness class it tests (the
 * knowledge base maps it to CWE/OWASP/ATLAS ids), its tier, what it sends, and a documentation summary. A
 * conformance test walks every registered check's descriptor.
 */
public record CheckDescriptor(String id, String title, WeaknessClass weakness, Tier tier, String sends,
                              String description) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+");

    public CheckDescriptor {
        Objects.requireNonNull(weakness, "weakness");
        Objects.requireNonNull(tier, "tier");
        if (id == null || !ID.matcher(id).matches()) throw new IllegalArgumentException("bad check id: " + id);
        if (title == null || title.isBlank()) throw new IllegalArgumentException(id + ": title is required");
        if (sends == null || sends.isBlank()) throw new IllegalArgumentException(id + ": say what the check sends");
        if (description == null || description.isBlank()) throw new IllegalArgumentException(id + ": description is required");
    }

    /** How central a check is: core checks run by default; extended ones only when asked. */
    public enum Tier { CORE, EXTENDED }
}
