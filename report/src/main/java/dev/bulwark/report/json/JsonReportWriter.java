package dev.bulwark.report.json;

import dev.bulwark.correlate.Assessment;
import dev.bulwark.report.FindingsJson;
import dev.bulwark.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Path;

/** {@code findings.json}: the machine-readable contract (DESIGN schema {@code bulwark/findings/v1}). */
public final class JsonReportWriter implements ReportWriter {
    public static final String FILE_NAME = "findings.json";

    @Override
    public String format() {
        return "json";
    }

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public void write(Assessment assessment, ToolInfo tool, Path outDir) throws IOException {
        FindingsJson.write(FindingsJson.toDocument(assessment, tool), outDir.resolve(FILE_NAME));
    }
}
