package dev.bulwark.kb;

import dev.bulwark.core.WeaknessClass;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code weakness-profiles.yaml}: one profile per weakness class, its vector scored on load. Ids are not
 * checked here; {@link MappingValidator} does that against the catalogs.
 */
final class WeaknessProfiles {
    static final String FILE = "weakness-profiles.yaml";

    private WeaknessProfiles() {
    }

    static Map<WeaknessClass, WeaknessProfile> load(String resource) {
        var profiles = new EnumMap<WeaknessClass, WeaknessProfile>(WeaknessClass.class);
        for (Row row : Yaml.readList(resource, Row.class)) {
            WeaknessClass weakness = Arrays.stream(WeaknessClass.values())
                    .filter(w -> w.id().equals(row.weakness())).findFirst()
                    .orElseThrow(() -> new IllegalStateException(resource + ": unknown weakness class " + row.weakness()));
            if (profiles.containsKey(weakness)) throw new IllegalStateException(resource + ": duplicate profile " + row.weakness());
            if (row.title() == null || row.title().isBlank()) throw new IllegalStateException(resource + ": " + row.weakness() + " lacks a title");
            if (row.remediation() == null || row.remediation().isBlank()) {
                throw new IllegalStateException(resource + ": " + row.weakness() + " lacks remediation");
            }
            var cvss = score(resource, row);
            profiles.put(weakness, new WeaknessProfile(weakness, row.title().trim(), list(row.cwe()), list(row.owaspLlm()),
                    list(row.atlas()), cvss, row.remediation().trim(), list(row.controls())));
        }
        var missing = Arrays.stream(WeaknessClass.values()).filter(w -> !profiles.containsKey(w)).toList();
        if (!missing.isEmpty()) throw new IllegalStateException(resource + ": no profile for " + missing);
        return Collections.unmodifiableMap(profiles);
    }

    private static dev.bulwark.core.Cvss score(String resource, Row row) {
        try {
            return CvssScorer.score(row.cvss());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(resource + ": " + row.weakness() + ": " + e.getMessage(), e);
        }
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::trim).toList();
    }

    record Row(String weakness, String title, List<String> cwe, List<String> owaspLlm, List<String> atlas, String cvss,
               String remediation, List<String> controls) {
    }
}
