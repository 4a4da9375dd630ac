package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulwark.cli.demo.DemoScope;
import dev.bulwark.cli.demo.DemoTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (here SIGTERM, which runs the same shutdown hook) stops the run cleanly and still writes the report,
 * marked incomplete. Runs the CLI in a child JVM because the signal ends the process.
 */
class StopTest {
    @TempDir
    Path dir;

    @Test
    void aSignalMidRunStillWritesAReportMarkedIncomplete() throws Exception {
        try (var target = DemoTarget.start(new DemoTarget.Options(0, false))) {
            // A slow rate makes the run take about a minute, so the signal lands in the middle of it.
            String yaml = DemoScope.yaml(target.baseUrl()).replaceAll("maxRequestsPerSecond: [0-9.]+", "maxRequestsPerSecond: 2");
            assertThat(yaml).contains("maxRequestsPerSecond: 2");
            Path scope = Files.writeString(dir.resolve("bulwark.yaml"), yaml);
            Path out = dir.resolve("out");
            String java = ProcessHandle.current().info().command().orElse("java");
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "assess", "--scope", scope.toString(), "--out", out.toString(), "--no-progress")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            try {
                Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                while (target.requestsServed() < 4 && Instant.now().isBefore(deadline) && child.isAlive()) {
                    Thread.sleep(100);
                }
                assertThat(child.isAlive()).as("still running when signalled").isTrue();
                child.destroy();
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                child.destroyForcibly();
            }

            var json = new ObjectMapper().readTree(out.resolve("findings.json").toFile());
            assertThat(json.path("engagement").path("complete").asBoolean(true)).isFalse();
            assertThat(json.path("coverage").path("notTested").size()).isPositive();
            assertThat(out.resolve("report.html")).isRegularFile();
            assertThat(Files.readString(out.resolve("report.html"))).containsIgnoringCase("incomplete");
        }
    }
}
