package dev.bulwark.report.html;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.bulwark.correlate.Assessment;
import dev.bulwark.kb.KnowledgeBase;
import dev.bulwark.report.AtomicFiles;
import dev.bulwark.report.ReportWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code report.html}: one self-contained page for the business owner: summary, fix list, charts, scenarios,
 * every finding with its masked evidence. Rendered by a Mustache template that HTML-escapes every value; no
 * script, no remote style, font or image, so it opens offline and prints.
 */
public final class HtmlReportWriter implements ReportWriter {
    public static final String FILE_NAME = "report.html";
    private static final String RESOURCES = "/dev/bulwark/report/html/";

    private final KnowledgeBase kb;
    private final Template template;
    private final String css;

    /** For {@link java.util.ServiceLoader}: uses the bundled knowledge base. */
    public HtmlReportWriter() {
        this(KnowledgeBase.bundled());
    }

    public HtmlReportWriter(KnowledgeBase kb) {
        this.kb = Objects.requireNonNull(kb, "kb");
        // escapeHTML is jmustache's default; it is set explicitly because evidence is attacker-controlled text.
        // Missing names fail the render (a template typo), null values render empty, "" counts as false.
        this.template = Mustache.compiler()
                .escapeHTML(true)
                .nullValue("")
                .emptyStringIsFalse(true)
                .compile(text("report.mustache"));
        this.css = text("report.css");
    }

    @Override
    public String format() {
        return "html";
    }

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public void write(Assessment assessment, ToolInfo tool, Path outDir) throws IOException {
        AtomicFiles.writeString(outDir.resolve(FILE_NAME), render(assessment, tool));
    }

    public String render(Assessment assessment, ToolInfo tool) {
        return template.execute(new HtmlViewBuilder(kb).build(assessment, tool, css));
    }

    private static String text(String name) {
        try (InputStream in = HtmlReportWriter.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCES + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
