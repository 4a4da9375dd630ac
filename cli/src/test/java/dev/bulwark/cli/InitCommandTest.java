package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.scope.LlmChatTarget;
import dev.bulwark.core.scope.ScopeLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
    @TempDir
    Path project;

    @Test
    void writesALoadableScopeForWhatTheFolderHolds() throws Exception {
        Files.writeString(project.resolve(".env"), "OPENAI_BASE_URL=http://127.0.0.1:8000/v1\nOPENAI_API_KEY=sk-live-not-for-the-scope-1234567890\n");
        Files.writeString(project.resolve("requirements.txt"), "torch==2.1.0\n");
        Files.writeString(project.resolve("customers.csv"), "name,email,plan\nAda,ada@example.com,pro\n");

        var run = CliRun.of("init", project.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path file = project.resolve("bulwark.yaml");
        String yaml = Files.readString(file);
        assertThat(yaml).contains("requirements.txt", "customers.csv", "${OPENAI_API_KEY}")
                .doesNotContain("sk-live-not-for-the-scope");
        var scope = ScopeLoader.load(file, Map.of("OPENAI_API_KEY", "x"));
        assertThat(scope.targets()).hasSize(3);
        assertThat(scope.targets().get(0)).isInstanceOf(LlmChatTarget.class);
        assertThat(scope.targets().get(1)).isInstanceOf(dev.bulwark.core.scope.DependenciesTarget.class);
        assertThat(scope.targets().get(2)).isInstanceOf(dev.bulwark.core.scope.DatasetTarget.class);
        assertThat(run.out()).contains("1 LLM endpoint", "1 dataset");
    }

    @Test
    void refusesToOverwriteWithoutForce() throws Exception {
        Files.writeString(project.resolve("bulwark.yaml"), "# mine\n");
        assertThat(CliRun.of("init", project.toString()).exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(Files.readString(project.resolve("bulwark.yaml"))).isEqualTo("# mine\n");
        assertThat(CliRun.of("init", project.toString(), "--force").exitCode()).isZero();
    }

    @Test
    void anEmptyFolderStillGetsAValidStarterScope() throws Exception {
        assertThat(CliRun.of("init", project.toString()).exitCode()).isZero();
        assertThat(ScopeLoader.load(project.resolve("bulwark.yaml"), Map.of()).engagement().name()).isNotBlank();
    }
}
