package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.supply.deps.osv.CacheLocation;
import dev.bulwark.supply.deps.osv.DbUpdater;
import dev.bulwark.supply.deps.osv.Feed;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScanDepsCommandTest {
    /** The requests advisory CVE-2023-32681 (PYSEC-2023-74), shortened to what matching needs. */
    private static final String RECORD = """
            {"schema_version": "1.6.0", "id": "PYSEC-2023-74", "modified": "2023-06-01T00:00:00Z",
             "aliases": ["CVE-2023-32681", "GHSA-j8r2-6x86-q33q"],
             "summary": "Requests leaks Proxy-Authorization headers to destination servers on HTTPS redirects",
             "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:N"}],
             "affected": [{"package": {"ecosystem": "PyPI", "name": "requests"},
               "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "2.3.0"}, {"fixed": "2.31.0"}]}]}]}
            """;

    @TempDir
    Path dir;
    Path project;
    Path out;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void project() throws Exception {
        project = Files.createDirectories(dir.resolve("app"));
        out = dir.resolve("report");
        Files.writeString(project.resolve("requirements.txt"), "requests==2.20.0\ntorch==2.1.0\ntensorfllow==2.15.0\n");
    }

    private static synchronized Run run(String... args) {
        var outBytes = new ByteArrayOutputStream();
        var err = new StringWriter();
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        try (var o = new PrintStream(outBytes, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(o);
            var cli = new CommandLine(new ScanDepsCommand());
            cli.setExecutionExceptionHandler(new ErrorHandler());
            cli.setParameterExceptionHandler(ErrorHandler::usageError);
            cli.setErr(new PrintWriter(err, true));
            int code = cli.execute(args);
            return new Run(code, outBytes.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
    }

    private Path cacheWithAdvisory() throws Exception {
        Path records = Files.createDirectories(dir.resolve("records"));
        Files.writeString(records.resolve("PYSEC-2023-74.json"), RECORD);
        Path cache = dir.resolve("cache");
        DbUpdater.importDirectory(new CacheLocation(cache), Feed.OSV_PYPI, records);
        return cache;
    }

    @Test
    void withoutAdvisoryDataItSaysRunDbUpdate() {
        Run r = run(project.toString(), "--cache", dir.resolve("empty").toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("bulwark db update").contains("--offline");
        assertThat(out.resolve("findings.json")).doesNotExist();
    }

    @Test
    void offlineWithoutDataReportsVulnerabilitiesAsNotTested() throws Exception {
        Run r = run(project.toString(), "--offline", "--cache", dir.resolve("empty").toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("Vulnerabilities: NOT TESTED");
        JsonNode json = new ObjectMapper().readTree(out.resolve("findings.json").toFile());
        assertThat(json.path("findings").findValuesAsText("check")).contains("deps.unsafe-loader", "deps.typosquat")
                .doesNotContain("deps.vulnerable");
        assertThat(out.resolve("report.html")).exists();
    }

    @Test
    void vulnerableDependencyFailsTheBuildAndTheSbomValidates() throws Exception {
        Path sbom = dir.resolve("sbom.json");
        Run r = run(project.toString(), "--cache", cacheWithAdvisory().toString(), "--out", out.toString(),
                "--sbom", sbom.toString(), "--fail-on", "medium");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.FINDINGS);
        JsonNode json = new ObjectMapper().readTree(out.resolve("findings.json").toFile());
        JsonNode vulnerable = null;
        for (JsonNode f : json.path("findings")) if (f.path("check").asText().equals("deps.vulnerable")) vulnerable = f;
        assertThat(vulnerable).isNotNull();
        assertThat(vulnerable.path("cve").toString()).contains("CVE-2023-32681", "GHSA-j8r2-6x86-q33q");
        assertThat(vulnerable.path("location").path("line").asInt()).isEqualTo(1);
        assertThat(vulnerable.path("cvss").path("vector").asText()).isEqualTo("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:N");
        assertThat(new JsonParser().validate(sbom.toFile(), Version.VERSION_16)).isEmpty();
        assertThat(Files.readString(sbom)).contains("pkg:pypi/requests@2.20.0");
    }

    @Test
    void anUnreadableManifestExitsTwoButStillWritesTheReport() throws Exception {
        Files.writeString(project.resolve("requirements-dev.txt"), "pytest >= = 8\n");
        Run r = run(project.toString(), "--offline", "--cache", dir.resolve("empty").toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.out()).contains("requirements-dev.txt:1 (requirement)");
        assertThat(out.resolve("findings.json")).exists();
    }

    @Test
    void aMissingPathIsBadInput() {
        Run r = run(dir.resolve("nope").toString(), "--offline");
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("no such file or directory");
    }
}
