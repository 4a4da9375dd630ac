package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanDataCommandTest {
    private static final String HEADER = "id,name,email,phone,card,zip,age,gender,diagnosis";
    private static final List<String> ROWS = List.of(
            "1,Maria Garcia,maria.garcia@example.com,+1 415-555-0132,4111 1111 1111 1111,94110,34,F,flu",
            "2,John Smith,john.smith@example.org,+1 212-555-0187,5500 0000 0000 0004,94110,34,F,asthma",
            "3,Wei Chen,wei.chen@example.net,+44 20 7946 0958,3400 0000 0000 009,10001,51,M,diabetes",
            "4,Aisha Khan,aisha.khan@example.com,+1 646-555-0199,4012 8888 8888 1881,10001,51,M,flu",
            "5,Carlos Lopez,carlos@example.com,+1 718-555-0143,6011 1111 1111 1117,10001,51,M,flu",
            "6,Emma Brown,emma.brown@example.com,+1 312-555-0166,4111 1111 1111 1111,60601,42,F,cold",
            "7,Liam Jones,liam.jones@example.com,+1 312-555-0177,5500 0000 0000 0004,60601,42,F,flu");

    @TempDir
    Path dir;

    private Path people() throws IOException {
        Path csv = dir.resolve("people.csv");
        Files.writeString(csv, HEADER + "\n" + String.join("\n", ROWS) + "\n");
        return csv;
    }

    /** k counted here, independently of the scanner: the smallest group of rows equal on zip, age and gender. */
    private static long trueK() {
        Map<String, Integer> groups = new HashMap<>();
        for (String row : ROWS) {
            String[] f = row.split(",");
            groups.merge(f[5] + "|" + f[6] + "|" + f[7], 1, Integer::sum);
        }
        return groups.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
    }

    @Test
    void findingsJsonHoldsTheDataContract() throws Exception {
        Path out = dir.resolve("report");
        CliRun run = CliRun.of("scan", "data", people().toString(), "--out", out.toString(), "--no-progress");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("restricted").contains("k = 2");
        JsonNode findings = new ObjectMapper().readTree(out.resolve("findings.json").toFile()).path("findings");
        var piiColumns = new ArrayList<String>();
        for (JsonNode f : findings) {
            if (f.path("check").asText().equals("data.pii")) piiColumns.add(f.at("/location/column").asText());
        }
        assertThat(piiColumns).contains("name", "email", "phone", "card", "diagnosis").doesNotContain("age", "id");
        JsonNode email = find(findings, "data.pii", "email");
        assertThat(email.path("cwe").toString()).contains("CWE-359");
        assertThat(email.path("owaspLlm").toString()).contains("LLM02");
        assertThat(email.path("atlas").toString()).contains("AML.T0057");
        assertThat(email.at("/evidence/types/EMAIL/cells").asLong()).isEqualTo(7);
        assertThat(email.toString()).doesNotContain("maria.garcia@example.com");

        JsonNode k = find(findings, "data.k-anonymity", null);
        assertThat(k.at("/evidence/k").isIntegralNumber()).isTrue();
        assertThat(k.at("/evidence/k").asLong()).isEqualTo(trueK()).isEqualTo(2);
        assertThat(k.at("/evidence/quasiIdentifiers").toString()).isEqualTo("[\"zip\",\"age\",\"gender\"]");
        assertThat(k.at("/evidence/l").asLong()).isEqualTo(2);
        assertThat(k.path("severity").asText()).isEqualTo("medium");

        JsonNode dataset = find(findings, "data.classification", null);
        assertThat(dataset.at("/evidence/classification").asText()).isEqualTo("restricted");
        assertThat(dataset.at("/evidence/columns/zip/classification").asText()).isEqualTo("confidential");
        assertThat(out.resolve("report.html")).exists();
    }

    @Test
    void givenQuasiIdentifiersAreUsedAndAUniqueRowIsHigh() throws Exception {
        Path out = dir.resolve("report");
        CliRun run = CliRun.of("scan", "data", people().toString(), "--out", out.toString(), "--quasi", "zip,age",
                "--sensitive", "diagnosis", "--full", "--fail-on", "high", "--format", "json");
        JsonNode findings = new ObjectMapper().readTree(out.resolve("findings.json").toFile()).path("findings");
        JsonNode k = find(findings, "data.k-anonymity", null);
        assertThat(k.at("/evidence/quasiIdentifiers").toString()).isEqualTo("[\"zip\",\"age\"]");
        assertThat(k.at("/evidence/k").asLong()).isEqualTo(2);
        assertThat(run.exitCode()).isZero(); // nothing high: k = 2

        // one more person, alone on zip and age
        Files.writeString(dir.resolve("people.csv"), HEADER + "\n" + String.join("\n", ROWS)
                + "\n8,Ava Davis,ava@example.com,,,73301,88,F,flu\n");
        CliRun unique = CliRun.of("scan", "data", dir.resolve("people.csv").toString(), "--out", out.toString(),
                "--quasi", "zip,age", "--fail-on", "high", "--format", "json");
        assertThat(unique.exitCode()).as(unique.err()).isEqualTo(1);
        JsonNode k1 = find(new ObjectMapper().readTree(out.resolve("findings.json").toFile()).path("findings"),
                "data.k-anonymity", null);
        assertThat(k1.at("/evidence/k").asLong()).isEqualTo(1);
        assertThat(k1.path("severity").asText()).isEqualTo("high");
    }

    @Test
    void badInputExitsTwoNamingFileLineAndField() throws Exception {
        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "a,b\n1,2\n3,4,5\n");
        CliRun r = CliRun.of("scan", "data", ragged.toString(), "--out", dir.resolve("o").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("ragged.csv:3").doesNotContain("Exception");

        CliRun missing = CliRun.of("scan", "data", dir.resolve("nope.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.csv");

        CliRun unknown = CliRun.of("scan", "data", people().toString(), "--quasi", "zip,postcode", "--out",
                dir.resolve("o").toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("postcode").contains("zip");

        CliRun both = CliRun.of("scan", "data", people().toString(), "--sample", "5", "--full");
        assertThat(both.exitCode()).isEqualTo(2);
    }

    private static JsonNode find(JsonNode findings, String check, String column) {
        for (JsonNode f : findings) {
            if (!f.path("check").asText().equals(check)) continue;
            if (column == null || column.equals(f.at("/location/column").asText())) return f;
        }
        throw new AssertionError("no " + check + " finding" + (column == null ? "" : " for " + column) + " in "
                + findings);
    }
}
