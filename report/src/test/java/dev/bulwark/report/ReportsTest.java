package dev.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
    @TempDir
    Path dir;

    @Test
    void writesEveryFormatIntoANewFolder() throws IOException {
        Path out = dir.resolve("nested/bulwark-report");
        var paths = Reports.writeAll(Fixtures.assessment(), Fixtures.TOOL, out,
                Set.of("junit", "md", "html", "sarif", "json"), Fixtures.kb());
        assertThat(paths).extracting(p -> p.getFileName().toString())
                .containsExactly("findings.json", "findings.sarif", "report.html", "summary.md", "junit.xml");
        for (Path p : paths) assertThat(Files.size(p)).isPositive();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void writesOnlyTheSelectedFormats() throws IOException {
        var paths = Reports.writeAll(Fixtures.assessment(), Fixtures.TOOL, dir, Set.of(" JSON", "md"));
        assertThat(paths).extracting(p -> p.getFileName().toString()).containsExactly("findings.json", "summary.md");
        assertThat(dir.resolve("report.html")).doesNotExist();
    }

    @Test
    void unknownFormatIsRejectedBeforeAnythingIsWritten() {
        Path out = dir.resolve("never");
        assertThatThrownBy(() -> Reports.writeAll(Fixtures.assessment(), Fixtures.TOOL, out, Set.of("json", "pdf")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown report format pdf (valid: json, sarif, html, md, junit)");
        assertThat(out).doesNotExist();
    }

    @Test
    void serviceLoaderFindsOneWriterPerFormat() {
        var formats = ServiceLoader.load(ReportWriter.class).stream().map(ServiceLoader.Provider::get)
                .map(ReportWriter::format).toList();
        assertThat(formats).containsExactlyInAnyOrderElementsOf(Reports.FORMATS);
    }
}
