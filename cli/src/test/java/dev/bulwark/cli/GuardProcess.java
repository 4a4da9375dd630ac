package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bulwark guard --config FILE} in a child JVM, as an operator runs it: stdout read line by line, stderr kept
 * in a file, stopped with SIGTERM (what Ctrl-C and service managers send).
 */
final class GuardProcess implements AutoCloseable {
    static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+))");
    /** Generous: a cold JVM loads the detection engine and the learned injection model before it listens. */
    private static final long START_SECONDS = 120;

    private final Process process;
    private final Path stderr;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final List<String> allStdout = new ArrayList<>();
    private final Thread reader;

    private GuardProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = Thread.ofPlatform().daemon().name("guard-stdout").start(this::readStdout);
    }

    static GuardProcess start(Path config, Path stderr) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "guard", "--config", config.toString())
                .directory(config.toAbsolutePath().getParent().toFile())
                .redirectError(stderr.toFile())
                .start();
        return new GuardProcess(p, stderr);
    }

    private void readStdout() {
        try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) stdout.add(line);
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Waits for the first stdout line, which must be {@code listening on URL}; returns the URL. */
    String awaitListening() throws Exception {
        String first = stdout.poll(START_SECONDS, TimeUnit.SECONDS);
        assertThat(first).as("first stdout line; stderr: %s", stderr()).isNotNull();
        allStdout.add(first);
        Matcher m = LISTENING.matcher(first);
        assertThat(m.matches()).as("'%s' is 'listening on http://127.0.0.1:PORT'", first).isTrue();
        return m.group(1);
    }

    /** SIGTERM, then waits for the exit; returns every stdout line the process printed. */
    List<String> stop() throws Exception {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s after SIGTERM").isTrue();
        reader.join(TimeUnit.SECONDS.toMillis(10));
        stdout.drainTo(allStdout);
        return List.copyOf(allStdout);
    }

    String stderr() throws IOException {
        return Files.exists(stderr) ? Files.readString(stderr) : "";
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
