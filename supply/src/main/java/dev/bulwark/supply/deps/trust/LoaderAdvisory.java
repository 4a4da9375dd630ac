package dev.bulwark.supply.deps.trust;

import java.util.List;
import java.util.Objects;

/**
 * A library version range whose model loader runs code from a crafted model file, from the bundled
 * {@code unsafe-loaders.yaml}.
 *
 * @param introduced first affected version ("0" for all before {@code fixed})
 * @param fixed      first fixed version
 * @param ids        CVE / GHSA / PYSEC ids, CVE first
 * @param formats    model formats (as the model scanner names them) the affected loader reads
 */
public record LoaderAdvisory(String packageName, String ecosystem, String introduced, String fixed, List<String> ids,
                             List<String> cwe, String cvss, List<String> formats, String reason) {
    public LoaderAdvisory {
        Objects.requireNonNull(packageName, "package");
        Objects.requireNonNull(fixed, "fixed");
        introduced = introduced == null || introduced.isBlank() ? "0" : introduced;
        ids = List.copyOf(ids);
        cwe = cwe == null ? List.of() : List.copyOf(cwe);
        formats = List.copyOf(formats);
    }

    public List<String> cves() {
        return ids.stream().filter(i -> i.startsWith("CVE-")).toList();
    }
}
