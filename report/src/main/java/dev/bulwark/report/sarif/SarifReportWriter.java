package dev.bulwark.report.sarif;

import dev.bulwark.correlate.Assessment;
import dev.bulwark.kb.KnowledgeBase;
import dev.bulwark.report.AtomicFiles;
import dev.bulwark.report.ReportWriter;
import dev.bulwark.report.json.JsonSupport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/** {@code findings.sarif}: SARIF 2.1.0 for code-scanning dashboards and CI. */
public final class SarifReportWriter implements ReportWriter {
    public static final String FILE_NAME = "findings.sarif";

    private final KnowledgeBase kb;

    /** For {@link java.util.ServiceLoader}: uses the bundled knowledge base. */
    public SarifReportWriter() {
        this(KnowledgeBase.bundled());
    }

    public SarifReportWriter(KnowledgeBase kb) {
        this.kb = Objects.requireNonNull(kb, "kb");
    }

    @Override
    public String format() {
        return "sarif";
    }

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public void write(Assessment assessment, ToolInfo tool, Path outDir) throws IOException {
        Sarif.Log log = new SarifMapper(kb).toLog(assessment, tool);
        AtomicFiles.write(outDir.resolve(FILE_NAME), out -> JsonSupport.mapper().writeValue(out, log));
    }
}
