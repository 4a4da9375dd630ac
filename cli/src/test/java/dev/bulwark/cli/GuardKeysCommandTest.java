package dev.bulwark.cli;

import dev.bulwark.guard.config.ApiKeys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class GuardKeysCommandTest {
    private static final String CONFIG = """
            listen: {port: 0}
            upstreams: [{id: main, url: "http://127.0.0.1:11434"}]
            clients:
              - {id: from-config, keySha256: "%s"}
            """.formatted("1".repeat(64));

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var cli = new CommandLine(new GuardKeysCommand());
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler(ErrorHandler::usageError);
        cli.setExitCodeExceptionMapper(ErrorHandler::exitCodeOf);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    Path config() throws Exception {
        return Files.writeString(dir.resolve("guard.yaml"), CONFIG);
    }

    @Test
    void addPrintsTheKeyOnceAndStoresOnlyItsHash() throws Exception {
        String config = config().toString();
        Run add = run("add", "support-app", "--roles", "chat,embeddings", "--config", config);
        assertThat(add.exitCode()).as(add.err()).isZero();
        String key = add.out().strip();
        assertThat(key).matches("bwk_[A-Za-z0-9_-]{43}");
        assertThat(add.err()).contains("added client 'support-app' (roles: chat, embeddings)", "shown only this once");
        String stored = Files.readString(dir.resolve("guard-keys.jsonl"));
        assertThat(stored).contains(ApiKeys.sha256Hex(key)).doesNotContain(key);

        Run list = run("list", "--config", config);
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("support-app", "chat,embeddings", "from-config", "guard-keys.jsonl")
                .doesNotContain(key);

        assertThat(run("remove", "support-app", "--config", config).exitCode()).isZero();
        assertThat(run("list", "--config", config).out()).doesNotContain("support-app");
    }

    @Test
    void refusals() throws Exception {
        String config = config().toString();
        assertThat(run("add", "app", "--config", config).exitCode()).isZero();
        Run again = run("add", "app", "--config", config);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already exists");
        Run clash = run("add", "from-config", "--config", config);
        assertThat(clash.exitCode()).isEqualTo(2);
        assertThat(clash.err()).contains("a client named 'from-config' already exists");
        Run role = run("add", "other", "--roles", "admin", "--config", config);
        assertThat(role.exitCode()).isEqualTo(2);
        assertThat(role.err()).contains("role 'admin' is not defined");
        Run remove = run("remove", "from-config", "--config", config);
        assertThat(remove.exitCode()).isEqualTo(2);
        assertThat(remove.err()).contains("is a client of", "edit the config");
        assertThat(run("remove", "nobody", "--config", config).err()).contains("no key named 'nobody'");
        assertThat(run("add", "../x", "--config", config).err()).contains("not a valid name");
    }

    @Test
    void badConfigExits2WithFileLineAndField() throws Exception {
        Path bad = Files.writeString(dir.resolve("guard.yaml"), CONFIG.replace("http://127.0.0.1:11434", "ftp://x"));
        Run run = run("add", "app", "--config", bad.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(bad + ":2: upstreams[0].url: must be a http or https URL");
        assertThat(dir.resolve("guard-keys.jsonl")).doesNotExist();
        Run missing = run("list", "--config", dir.resolve("nope.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.yaml:0: (file): no such file");
    }
}
