package dev.bulwark.supply.deps.osv;

import java.util.List;
import java.util.Objects;

/** One {@code affected} entry: a package, its ranges and its explicitly listed affected versions. */
public record OsvAffected(OsvPackage pkg, List<OsvRange> ranges, List<String> versions, List<OsvSeverity> severity) {
    public OsvAffected {
        Objects.requireNonNull(pkg, "pkg");
        ranges = List.copyOf(ranges);
        versions = List.copyOf(versions);
        severity = severity == null ? List.of() : List.copyOf(severity);
    }

    /** The fixed versions named by this entry's ranges, in the order they appear. */
    public List<String> fixedVersions() {
        return ranges.stream().flatMap(r -> r.events().stream())
                .filter(e -> e.kind() == OsvEvent.Kind.FIXED).map(OsvEvent::version).distinct().toList();
    }
}
