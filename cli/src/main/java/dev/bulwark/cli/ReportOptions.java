package dev.bulwark.cli;

import dev.bulwark.core.Severity;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine.Option;

/** The report options every scanning command shares. */
final class ReportOptions {
    static final Set<String> KNOWN_FORMATS = new LinkedHashSet<>(java.util.List.of("html", "json", "sarif", "md", "junit"));

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bulwark-report",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit 1 when a finding is at or above LEVEL: critical, high, medium, low, info "
                    + "(default: never fail on findings).")
    String failOn;

    @Option(names = "--format", paramLabel = "LIST", defaultValue = "html,json,sarif,md,junit", split = ",",
            description = "Report formats (default: ${DEFAULT-VALUE}); findings.json is always written.")
    String[] formats;

    @Option(names = "--no-progress", description = "Never show a progress bar.")
    boolean noProgress;

    Assessor.Options options() {
        Severity level = null;
        if (failOn != null) {
            try {
                level = Severity.parse(failOn);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--fail-on: " + e.getMessage());
            }
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String f : formats) {
            String name = f.trim().toLowerCase(java.util.Locale.ROOT);
            if (!KNOWN_FORMATS.contains(name)) {
                throw new BadInputException("--format: unknown format '" + f + "' (known: " + String.join(", ", KNOWN_FORMATS) + ")");
            }
            chosen.add(name);
        }
        chosen.add("json");
        return new Assessor.Options(outDir, chosen, level, !noProgress);
    }

    Path outDir() {
        return outDir;
    }
}
