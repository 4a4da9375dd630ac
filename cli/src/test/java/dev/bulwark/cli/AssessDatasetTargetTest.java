package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dataset target inside assess: the scan-data findings carry the target and its assets, columns and k. */
class AssessDatasetTargetTest {
    @TempDir
    Path dir;

    @Test
    void datasetTargetIsScannedByAssessWithColumnsAndK() throws Exception {
        Path data = Files.createDirectories(dir.resolve("training"));
        var csv = new StringBuilder("id,email,zip,age,gender,diagnosis\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i).append(",user").append(i).append("@example.com,")
                    .append(10000 + (i % 4) * 111).append(',').append(20 + i % 3).append(',')
                    .append(i % 2 == 0 ? "female" : "male").append(',').append(i % 5 == 0 ? "asthma" : "flu")
                    .append('\n');
        }
        csv.append("40,lone@example.com,99999,88,female,flu\n");
        Files.writeString(data.resolve("patients.csv"), csv);
        Files.writeString(data.resolve("notes.txt"), "not a table\n");
        Path scope = dir.resolve("bulwark.yaml");
        Files.writeString(scope, """
                engagement: {name: data}
                rules: {allowedHosts: [127.0.0.1]}
                assets:
                  - {id: patients, kind: dataset, classification: restricted}
                targets:
                  - id: training-data
                    kind: dataset
                    paths: [training]
                    quasiIdentifiers: [zip, age, gender]
                    sensitive: diagnosis
                    assets: [patients]
                """);
        Path out = dir.resolve("out");
        var run = CliRun.of("assess", "--scope", scope.toString(), "--out", out.toString(), "--no-progress");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);

        JsonNode doc = new ObjectMapper().readTree(out.resolve("findings.json").toFile());
        List<String> checks = new ArrayList<>();
        doc.get("findings").forEach(f -> checks.add(f.get("check").asText() + "@" + f.get("target").asText()));
        assertThat(checks).contains("data.pii@training-data", "data.k-anonymity@training-data",
                "data.classification@training-data");
        JsonNode email = null;
        JsonNode k = null;
        for (JsonNode f : doc.get("findings")) {
            if (f.get("check").asText().equals("data.pii") && f.at("/location/column").asText().equals("email")) {
                email = f;
            }
            if (f.get("check").asText().equals("data.k-anonymity")) k = f;
        }
        assertThat(email).as("a finding for the email column").isNotNull();
        assertThat(email.get("assets").toString()).contains("patients");
        assertThat(email.get("cwe").toString()).contains("CWE-359");
        assertThat(k).isNotNull();
        assertThat(k.at("/evidence/k").asLong()).isEqualTo(1); // the one row with zip 99999
        assertThat(k.at("/evidence/quasiIdentifiers").toString()).contains("zip", "age", "gender");
        assertThat(doc.toString()).doesNotContain("user1@example.com");
    }
}
