package dev.bulwark.report;

import dev.bulwark.correlate.Assessment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Renders an assessment in one format into the output folder. Implementations are listed in
 * {@code META-INF/services/dev.bulwark.report.ReportWriter}. Writers write to a temporary file and move it into
 * place, so a crash never leaves a half-written report.
 */
public interface ReportWriter {
    /** Format name used by {@code --format}: html, json, sarif, md, junit. */
    String format();

    /** File name inside the output folder, e.g. {@code findings.json}. */
    String fileName();

    void write(Assessment assessment, ToolInfo tool, Path outDir) throws IOException;

    /**
     * Name and version of the tool that wrote the report; {@code informationUri} (optional, absolute) is where
     * people learn about the tool, shown in SARIF.
     */
    record ToolInfo(String name, String version, String informationUri) {
        public ToolInfo {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
        }

        public ToolInfo(String name, String version) {
            this(name, version, null);
        }
    }
}
