package dev.bulwark.report;

import dev.bulwark.correlate.Assessment;
import dev.bulwark.kb.KnowledgeBase;
import dev.bulwark.report.ReportWriter.ToolInfo;
import dev.bulwark.report.html.HtmlReportWriter;
import dev.bulwark.report.json.JsonReportWriter;
import dev.bulwark.report.junit.JUnitReportWriter;
import dev.bulwark.report.md.MarkdownReportWriter;
import dev.bulwark.report.sarif.SarifReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Writes the selected report formats into one folder: the entry point for the command line. */
public final class Reports {
    /** Every format, in the order they are written (the JSON contract first). */
    public static final List<String> FORMATS = List.of("json", "sarif", "html", "md", "junit");

    private Reports() {
    }

    /** The built-in writers, sharing one knowledge base, in {@link #FORMATS} order. */
    public static List<ReportWriter> writers(KnowledgeBase kb) {
        return List.of(new JsonReportWriter(), new SarifReportWriter(kb), new HtmlReportWriter(kb),
                new MarkdownReportWriter(), new JUnitReportWriter());
    }

    public static List<Path> writeAll(Assessment assessment, ToolInfo tool, Path outDir, Set<String> formats)
            throws IOException {
        Set<String> selected = validate(formats);
        return writeAll(assessment, tool, outDir, selected, KnowledgeBase.bundled());
    }

    /**
     * Creates {@code outDir} and writes each selected format into it, returning the written files in
     * {@link #FORMATS} order.
     *
     * @throws IllegalArgumentException for an unknown format name (before anything is written)
     */
    public static List<Path> writeAll(Assessment assessment, ToolInfo tool, Path outDir, Set<String> formats,
                                      KnowledgeBase kb) throws IOException {
        Set<String> selected = validate(formats);
        Files.createDirectories(outDir);
        var written = new ArrayList<Path>();
        for (ReportWriter writer : writers(kb)) {
            if (!selected.contains(writer.format())) continue;
            writer.write(assessment, tool, outDir);
            written.add(outDir.resolve(writer.fileName()));
        }
        return List.copyOf(written);
    }

    /** Lower-cased, trimmed format names; every one must be known. */
    static Set<String> validate(Set<String> formats) {
        var selected = new TreeSet<String>();
        var unknown = new TreeSet<String>();
        for (String f : formats) {
            String name = f == null ? "" : f.trim().toLowerCase(Locale.ROOT);
            (FORMATS.contains(name) ? selected : unknown).add(name);
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown report format" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + " (valid: " + String.join(", ", FORMATS) + ")");
        }
        return selected;
    }
}
