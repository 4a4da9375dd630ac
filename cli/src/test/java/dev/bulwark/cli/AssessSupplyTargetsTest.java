package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** model-files and dependencies targets inside assess: offline findings join the assessment and its scenarios. */
class AssessSupplyTargetsTest {
    @TempDir
    Path dir;

    /** A protocol-2 pickle that would call os.system("id") when loaded: GLOBAL, a tuple, REDUCE, STOP. */
    private static byte[] maliciousPickle() {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x80, 2});
        out.writeBytes("cos\nsystem\n".getBytes(StandardCharsets.US_ASCII));
        out.write('X');
        byte[] arg = "id".getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(new byte[] {(byte) arg.length, 0, 0, 0});
        out.writeBytes(arg);
        out.write(0x85); // TUPLE1
        out.write('R'); // REDUCE
        out.write('.'); // STOP
        return out.toByteArray();
    }

    @Test
    void modelFilesAndDependenciesTargetsAreScannedByAssess() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        Files.write(models.resolve("classifier.bin"), maliciousPickle());
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.writeString(app.resolve("requirements.txt"), """
                --extra-index-url https://packages.example.internal/simple
                torch==2.1.0
                requests>=2.0
                """);
        Path scope = dir.resolve("bulwark.yaml");
        Files.writeString(scope, """
                engagement: {name: supply}
                rules: {allowedHosts: [127.0.0.1]}
                assets:
                  - {id: model, kind: model, classification: confidential}
                targets:
                  - {id: weights, kind: model-files, paths: [models], assets: [model]}
                  - {id: python-deps, kind: dependencies, paths: [app]}
                """);
        Path out = dir.resolve("out");
        var run = CliRun.of("assess", "--scope", scope.toString(), "--out", out.toString(), "--no-progress");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);

        JsonNode doc = new ObjectMapper().readTree(out.resolve("findings.json").toFile());
        List<String> checks = new ArrayList<>();
        doc.get("findings").forEach(f -> checks.add(f.get("check").asText() + "@" + f.get("target").asText()));
        assertThat(checks).contains("model.code-execution@weights", "deps.extra-index@python-deps",
                "deps.unpinned@python-deps", "deps.unsafe-loader@python-deps");
        JsonNode pickle = findFirst(doc, "model.code-execution");
        assertThat(pickle.get("severity").asText()).isIn("high", "critical");
        assertThat(pickle.get("cwe").toString()).contains("CWE-502");
        assertThat(pickle.get("assets").toString()).contains("model");
        assertThat(findFirst(doc, "deps.unsafe-loader").get("description").asText()).contains("classifier.bin");
        List<String> scenarios = new ArrayList<>();
        doc.get("scenarios").forEach(s -> scenarios.add(s.get("title").asText()));
        assertThat(scenarios).anyMatch(t -> t.toLowerCase(java.util.Locale.ROOT).contains("supply"))
                .contains("Code execution when a model is loaded");
    }

    @Test
    void aMissingPathIsABadScopeWithItsField() throws Exception {
        Path scope = dir.resolve("bulwark.yaml");
        Files.writeString(scope, """
                engagement: {name: supply}
                rules: {allowedHosts: [127.0.0.1]}
                targets:
                  - {id: weights, kind: model-files, paths: [no-such-folder]}
                """);
        var run = CliRun.of("assess", "--scope", scope.toString(), "--no-progress");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("targets[0].paths[0]").contains("no such file or folder");
    }

    private static JsonNode findFirst(JsonNode doc, String check) {
        for (JsonNode f : doc.get("findings")) if (f.get("check").asText().equals(check)) return f;
        throw new AssertionError("no " + check + " finding");
    }
}
