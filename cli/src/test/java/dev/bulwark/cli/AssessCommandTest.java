package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a user sees from `bulwark assess` when the scope or the target is wrong. */
class AssessCommandTest {
    @TempDir
    Path dir;

    private static final String VALID = """
            engagement: {name: "t", owner: "o"}
            rules: {allowedHosts: [127.0.0.1], maxRequestsPerSecond: 50, maxRequests: 100}
            assets:
              - {id: data, kind: dataset, classification: restricted}
            targets:
              - id: bot
                kind: llm-chat
                url: "http://127.0.0.1:1/v1/chat/completions"
                model: m
                assets: [data]
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown field            | 'classification: restricted}'        | 'classification: restricted, colour: red}' | 'assets[0]'
            bad classification       | 'classification: restricted}'        | 'classification: secret}'                  | 'classification'
            host outside allow-list  | 'http://127.0.0.1:1/'                | 'http://example.com/'                      | 'targets[0].url'
            unknown asset reference  | 'assets: [data]'                     | 'assets: [nope]'                           | 'targets[0].assets'
            unknown target kind      | 'kind: llm-chat'                     | 'kind: telepathy'                          | 'targets[0].kind'
            yaml syntax              | 'model: m'                           | 'model: [m'                                | ''
            """)
    void badScopeExitsTwoNamingFileLineAndField(String name, String from, String to, String field) throws Exception {
        Path scope = dir.resolve("bulwark.yaml");
        String text = VALID.replace(from, to);
        assertThat(text).as("fixture edit applies").isNotEqualTo(VALID);
        Files.writeString(scope, text);

        var run = CliRun.of("assess", "--scope", scope.toString(), "--out", dir.resolve("out").toString(), "--no-progress");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).containsPattern(java.util.regex.Pattern.quote(scope.toString()) + ":\\d+: ");
        assertThat(run.err()).contains(field);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void missingUrlIsReportedWithItsLine() throws Exception {
        Path scope = dir.resolve("bulwark.yaml");
        Files.writeString(scope, VALID.replace("    url: \"http://127.0.0.1:1/v1/chat/completions\"\n", ""));
        var run = CliRun.of("assess", "--scope", scope.toString(), "--no-progress");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains(scope + ":").contains("url");
    }

    @Test
    void missingScopeFileIsBadInput() {
        var run = CliRun.of("assess", "--scope", dir.resolve("nope.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("nope.yaml").contains("bulwark init");
    }

    @Test
    void unknownFormatAndFailOnLevelAreBadUsage() throws Exception {
        Path scope = dir.resolve("bulwark.yaml");
        Files.writeString(scope, VALID);
        assertThat(CliRun.of("assess", "--scope", scope.toString(), "--format", "pdf").exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(CliRun.of("assess", "--scope", scope.toString(), "--fail-on", "severe").exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(CliRun.of("assess", "--no-such-option").exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void unreachableTargetExitsThreeButStillWritesAnHonestReport() throws Exception {
        Path scope = dir.resolve("bulwark.yaml");
        Files.writeString(scope, VALID.replace("maxRequests: 100}", "maxRequests: 5000, maxRetries: 0, requestTimeoutSeconds: 2}"));
        Path out = dir.resolve("out");

        var run = CliRun.of("assess", "--scope", scope.toString(), "--out", out.toString(), "--no-progress");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.UNREACHABLE_OR_INTERNAL);
        var json = new ObjectMapper().readTree(out.resolve("findings.json").toFile());
        assertThat(json.path("coverage").path("owaspLlm").path("LLM01").asText()).isEqualTo("not tested");
        assertThat(json.path("coverage").path("notTested").size()).isPositive();
    }
}
