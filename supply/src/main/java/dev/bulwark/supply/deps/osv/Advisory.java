package dev.bulwark.supply.deps.osv;

import dev.bulwark.core.Cvss;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** What a finding needs from an advisory: ids, a one-line summary, severity and CWE ids. */
public record Advisory(String id, List<String> aliases, String summary, String published, String modified,
                       List<OsvSeverity> severity, List<String> cweIds) {
    private static final int SUMMARY_LIMIT = 300;

    public Advisory {
        Objects.requireNonNull(id, "id");
        aliases = List.copyOf(aliases);
        summary = summary == null ? "" : summary;
        published = published == null ? "" : published;
        modified = modified == null ? "" : modified;
        severity = List.copyOf(severity);
        cweIds = List.copyOf(cweIds);
    }

    /** CVE ids among the id and aliases. */
    public List<String> cveIds() {
        return ids().filter(i -> i.startsWith("CVE-")).toList();
    }

    /** GitHub advisory ids among the id and aliases. */
    public List<String> ghsaIds() {
        return ids().filter(i -> i.startsWith("GHSA-")).toList();
    }

    private Stream<String> ids() {
        return Stream.concat(Stream.of(id), aliases.stream()).distinct();
    }

    /** The highest-scoring CVSS 3.x or 4.0 vector the advisory gives, scored; empty when it gives none we can score. */
    public Optional<Cvss> cvss() {
        return severity.stream().map(OsvSeverity::cvss).flatMap(Optional::stream)
                .max(Comparator.comparingDouble(Cvss::score));
    }

    static String shorten(String details) {
        if (details == null) return "";
        String oneLine = details.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= SUMMARY_LIMIT ? oneLine : oneLine.substring(0, SUMMARY_LIMIT - 1) + "…";
    }
}
