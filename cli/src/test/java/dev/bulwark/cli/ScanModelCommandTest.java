package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.supply.model.Readers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanModelCommandTest {
    /** os.system("ls") as a protocol-2 pickle, written opcode by opcode (never produced by unpickling anything). */
    private static final byte[] POSIX_SYSTEM = ("\u0080\u0002cposix\nsystem\nq\u0000X\u0002\u0000\u0000\u0000lsq\u0001"
            + "\u0085q\u0002Rq\u0003.").getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path dir;
    Path models;
    Path out;

    @BeforeEach
    void files() throws IOException {
        models = Files.createDirectories(dir.resolve("models"));
        out = dir.resolve("report");
        Files.writeString(models.resolve("README.md"), "# not a model");
        Files.write(models.resolve("weights.pt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
    }

    @Test
    void writesFindingsReportsAndTheHashInventory() throws Exception {
        CliRun run = CliRun.of("scan", "model", models.toString(), "--out", out.toString(), "--no-progress");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Scanned 1 model file (1 other file skipped)").contains("1 not fully verified");
        assertThat(out.resolve("findings.json")).exists();
        assertThat(out.resolve("report.html")).exists();
        assertThat(out.resolve("findings.sarif")).exists();
        String sha = sha256(models.resolve("weights.pt"));
        JsonNode findings = new ObjectMapper().readTree(out.resolve("findings.json").toFile());
        assertThat(findings.path("findings")).singleElement().satisfies(f -> {
            assertThat(f.path("check").asText()).isEqualTo("model.not-verified");
            assertThat(f.path("severity").asText()).isEqualTo("medium");
            assertThat(f.path("cwe").toString()).contains("CWE-502");
            assertThat(f.path("evidence").toString()).contains(sha);
        });
        JsonNode inventory = new ObjectMapper().readTree(out.resolve("models.json").toFile());
        assertThat(inventory.path("files").toString()).contains(sha).contains("README.md");
    }

    @Test
    void failOnDecidesTheExitCode() {
        assertThat(CliRun.of("scan", "model", models.toString(), "--out", out.toString(), "--fail-on", "medium")
                .exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(CliRun.of("scan", "model", models.toString(), "--out", out.toString(), "--fail-on", "high")
                .exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    void badUsageAndMissingPathsExitTwo() {
        CliRun missing = CliRun.of("scan", "model", dir.resolve("nope").toString(), "--out", out.toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err()).contains("nope").contains("no such file");
        assertThat(CliRun.of("scan", "model").exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(CliRun.of("scan", "model", models.toString(), "--fail-on", "severe").exitCode())
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(out).doesNotExist();
    }

    @Test
    void aPickleInsideAZipIsReportedWithEntryAndOffset() throws Exception {
        Assumptions.assumeTrue(Readers.installed().formats().contains("pickle"), "the pickle reader is not installed");
        var zip = new ByteArrayOutputStream();
        try (var z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("my_model/data.pkl"));
            z.write(POSIX_SYSTEM);
            z.closeEntry();
        }
        Files.write(models.resolve("model.bin"), zip.toByteArray());
        CliRun run = CliRun.of("scan", "model", models.resolve("model.bin").toString(), "--out", out.toString(),
                "--fail-on", "high");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.FINDINGS);
        JsonNode f = new ObjectMapper().readTree(out.resolve("findings.json").toFile()).path("findings").get(0);
        assertThat(f.path("check").asText()).isEqualTo("model.code-execution");
        assertThat(f.path("location").path("entry").asText()).isEqualTo("my_model/data.pkl");
        assertThat(f.path("location").has("offset")).isTrue();
        assertThat(f.path("title").asText()).contains("system");
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
