package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code db update|status} against a local HTTP server. Runs the command directly until Main registers it. */
class DbCommandTest {
    private static final String RECORD = """
            {"id": "TEST-CLI-1", "modified": "2024-01-01T00:00:00Z", "summary": "demo",
             "affected": [{"package": {"ecosystem": "PyPI", "name": "demo"},
               "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.0"}]}]}]}
            """;

    @TempDir
    Path tmp;
    private HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = files.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static synchronized Run run(String... args) {
        var outBytes = new ByteArrayOutputStream();
        var err = new StringWriter();
        PrintStream original = System.out;
        try (var out = new PrintStream(outBytes, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            var cli = new CommandLine(new DbCommand());
            cli.setExecutionExceptionHandler(new ErrorHandler());
            cli.setParameterExceptionHandler(ErrorHandler::usageError);
            cli.setErr(new PrintWriter(err, true));
            int code = cli.execute(args);
            return new Run(code, outBytes.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(original);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static byte[] zip(String name, String content) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry(name));
            z.write(content.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void updateThenStatus() throws IOException {
        files.put("/osv/PyPI/all.zip", zip("TEST-CLI-1.json", RECORD));
        String cache = tmp.resolve("cache").toString();

        Run update = run("update", "--cache", cache, "--only", "pypi", "--osv-url", base() + "/osv");
        assertThat(update.exitCode()).as(update.err()).isZero();
        assertThat(update.out()).contains("OSV PyPI").contains("updated: 1 records");

        Run status = run("status", "--cache", cache);
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).containsPattern("OSV PyPI\\s+1\\s+\\d{4}-\\d{2}-\\d{2} ").contains("0 min")
                .containsPattern("OSV npm\\s+-\\s+never");
    }

    @Test
    void aFailedSourceExitsThreeAndKeepsTheOldData() throws IOException {
        files.put("/osv/PyPI/all.zip", zip("TEST-CLI-1.json", RECORD));
        String cache = tmp.resolve("cache").toString();
        assertThat(run("update", "--cache", cache, "--only", "pypi", "--osv-url", base() + "/osv").exitCode()).isZero();

        files.put("/osv/PyPI/all.zip", "garbage".getBytes(StandardCharsets.UTF_8));
        Run corrupt = run("update", "--cache", cache, "--only", "pypi", "--osv-url", base() + "/osv");
        assertThat(corrupt.exitCode()).isEqualTo(3);
        assertThat(corrupt.out()).contains("FAILED (invalid data)").contains("previous data");

        Run unreachable = run("update", "--cache", cache, "--only", "npm,kev", "--osv-url", base() + "/osv",
                "--kev-url", base() + "/kev.json");
        assertThat(unreachable.exitCode()).isEqualTo(3);
        assertThat(unreachable.out()).contains("FAILED (network)").contains("HTTP 503");

        assertThat(run("status", "--cache", cache).out()).containsPattern("OSV PyPI\\s+1\\s");
    }

    @Test
    void importsAFolderOffline() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("records/demo"));
        Files.writeString(dir.resolve("TEST-CLI-1.json"), RECORD);
        Run r = run("update", "--cache", tmp.resolve("cache").toString(), "--from", tmp.resolve("records").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("imported: 1 records");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(run("update", "--only", "rubygems").exitCode()).isEqualTo(2);
        assertThat(run("update", "--osv-url", "ftp://example.invalid").exitCode()).isEqualTo(2);
        assertThat(run("update", "--from", tmp.resolve("missing").toString()).exitCode()).isEqualTo(2);
        assertThat(run("status", "--bogus").exitCode()).isEqualTo(2);
    }
}
