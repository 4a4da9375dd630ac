package dev.bulwark.supply.deps.osv;

import java.util.List;
import java.util.Objects;

/**
 * One OSV advisory as read from JSON or the PyPA YAML form. Only the fields Bulwark uses are kept.
 *
 * @param cweIds CWE ids from {@code database_specific.cwe_ids} (GitHub advisories carry them), else empty
 */
public record OsvRecord(String id, List<String> aliases, String summary, String details, String published,
                        String modified, String withdrawn, List<OsvSeverity> severity, List<String> cweIds,
                        List<OsvAffected> affected, List<String> references) {
    public OsvRecord {
        Objects.requireNonNull(id, "id");
        aliases = List.copyOf(aliases);
        summary = summary == null ? "" : summary;
        details = details == null ? "" : details;
        published = published == null ? "" : published;
        modified = modified == null ? "" : modified;
        withdrawn = withdrawn == null ? "" : withdrawn;
        severity = List.copyOf(severity);
        cweIds = List.copyOf(cweIds);
        affected = List.copyOf(affected);
        references = List.copyOf(references);
    }

    public boolean isWithdrawn() {
        return !withdrawn.isEmpty();
    }

    /** The compact form kept in the index and reported with a match. */
    public Advisory toAdvisory() {
        List<OsvSeverity> scores = severity.isEmpty()
                ? affected.stream().flatMap(a -> a.severity().stream()).distinct().toList() : severity;
        return new Advisory(id, aliases, summary.isEmpty() ? Advisory.shorten(details) : summary, published, modified,
                scores, cweIds);
    }
}
