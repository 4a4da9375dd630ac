package dev.bulwark.supply.deps;

import dev.bulwark.core.Finding;
import dev.bulwark.core.engine.CheckRun;
import dev.bulwark.supply.deps.manifest.Manifest;
import java.util.List;

/**
 * What one dependency scan produced.
 *
 * @param manifests manifests read
 * @param findings  findings, unmapped (the knowledge base maps them when the report is built)
 * @param checkRuns per manifest and check: tested, or not tested and why (no advisory data, unreadable file)
 * @param problems  files that could not be read, as "file:line (field): problem"; the command exits 2 on these
 * @param notes     parts that were read but not fully checked (a remote include, an unresolved version)
 */
public record DependencyScan(List<Manifest> manifests, List<Finding> findings, List<CheckRun> checkRuns,
                             List<String> problems, List<String> notes) {
    public DependencyScan {
        manifests = List.copyOf(manifests);
        findings = List.copyOf(findings);
        checkRuns = List.copyOf(checkRuns);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public int dependencyCount() {
        return manifests.stream().mapToInt(m -> m.entries().size()).sum();
    }
}
