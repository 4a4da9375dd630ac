package dev.bulwark.supply.deps.osv;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.bulwark.supply.deps.Ecosystem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code db update} against a real local HTTP server: success, corrupt data, zip bombs and network failures. */
class DbUpdaterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;
    private HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private CacheLocation cache;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = files.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        cache = new CacheLocation(tmp.resolve("cache"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private DbUpdater updater() {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new DbUpdater(cache, new DataSources(base.resolve("/osv"), base.resolve("/kev.json"), base.resolve("/epss.csv.gz")),
                Downloader.defaultClient(), ArchiveLimits.DEFAULT, CLOCK);
    }

    static byte[] zipOf(Map<String, byte[]> entries) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] miniRecord(String id) throws IOException {
        return Files.readAllBytes(OsvTestData.mini().resolve(id + ".json"));
    }

    private void serveGoodFeeds() throws IOException {
        files.put("/osv/PyPI/all.zip", zipOf(Map.of("TEST-2024-0001.json", miniRecord("TEST-2024-0001"),
                "TEST-2024-0002.json", miniRecord("TEST-2024-0002"))));
        files.put("/osv/npm/all.zip", zipOf(Map.of("TEST-2024-0005.json", miniRecord("TEST-2024-0005"))));
        files.put("/osv/Maven/all.zip", zipOf(Map.of("TEST-2024-0006.json", miniRecord("TEST-2024-0006"))));
        files.put("/kev.json", """
                {"catalogVersion": "2026.01.01", "vulnerabilities": [{"cveID": "CVE-2099-0001"}, {"cveID": "CVE-2021-44228"}]}
                """.getBytes(StandardCharsets.UTF_8));
        var gz = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(gz)) {
            out.write("#model_version:v2025.03.14,score_date:2026-01-01T00:00:00+0000\ncve,epss,percentile\nCVE-2099-0001,0.97,0.999\nCVE-1999-0001,0.01,0.2\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        files.put("/epss.csv.gz", gz.toByteArray());
    }

    @Test
    void updatesEveryFeedAndLooksUpOffline() throws IOException {
        serveGoodFeeds();
        List<DbUpdater.Outcome> outcomes = updater().update(List.of(Feed.values()));
        assertThat(outcomes).allSatisfy(o -> assertThat(o.ok()).as(o.feed() + ": " + o.message()).isTrue());

        var db = AdvisoryDatabase.open(cache);
        assertThat(db.lookup(Ecosystem.PYPI, "demo_pkg", "1.1")).extracting(m -> m.advisory().id()).containsExactly("TEST-2024-0001");
        assertThat(db.lookup(Ecosystem.NPM, "left-pad-demo", "2.0.0")).hasSize(1);
        assertThat(db.lookup(Ecosystem.MAVEN, "org.demo:demo-core", "2.1")).hasSize(1);
        assertThat(db.record(Ecosystem.PYPI, "TEST-2024-0002")).hasValueSatisfying(r -> assertThat(r.summary()).contains("limit"));

        var exploit = ExploitData.load(cache);
        assertThat(exploit.knownExploited("cve-2099-0001")).contains(true);
        assertThat(exploit.knownExploited("CVE-2000-0001")).contains(false);
        assertThat(exploit.epss("CVE-2099-0001")).hasValue(0.97);

        var status = DbUpdater.status(cache);
        assertThat(status).allSatisfy(s -> assertThat(s.present()).isTrue());
        assertThat(status).filteredOn(s -> s.feed() == Feed.OSV_PYPI).singleElement().satisfies(s -> {
            assertThat(s.meta().orElseThrow().records()).isEqualTo(2);
            assertThat(s.meta().orElseThrow().updatedAt()).isEqualTo(CLOCK.instant());
            assertThat(s.meta().orElseThrow().sha256()).hasSize(64);
        });
        assertThat(status).filteredOn(s -> s.feed() == Feed.EPSS).singleElement()
                .satisfies(s -> assertThat(s.meta().orElseThrow().records()).isEqualTo(2));
    }

    @Test
    void aCorruptDownloadLeavesTheOldCacheIntact() throws IOException {
        serveGoodFeeds();
        assertThat(updater().update(List.of(Feed.OSV_PYPI, Feed.KEV, Feed.EPSS))).allMatch(DbUpdater.Outcome::ok);
        Path before = cache.osv(Ecosystem.PYPI).current().orElseThrow();

        files.put("/osv/PyPI/all.zip", "PK\u0003\u0004 this is not a zip at all".getBytes(StandardCharsets.UTF_8));
        files.put("/kev.json", "{\"vulnerabilities\": [".getBytes(StandardCharsets.UTF_8));
        files.put("/epss.csv.gz", "cve,epss\nCVE-1-1,not-a-number\n".getBytes(StandardCharsets.UTF_8));
        List<DbUpdater.Outcome> outcomes = updater().update(List.of(Feed.OSV_PYPI, Feed.KEV, Feed.EPSS));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).contains(UpdateException.Kind.INVALID_DATA));
        assertThat(cache.osv(Ecosystem.PYPI).current()).contains(before);
        assertThat(AdvisoryDatabase.open(cache).lookup(Ecosystem.PYPI, "demo-pkg", "1.1")).hasSize(1);
        assertThat(ExploitData.load(cache).knownExploited("CVE-2099-0001")).contains(true);
        assertThat(ExploitData.load(cache).epss("CVE-2099-0001")).hasValue(0.97);
        try (var left = Files.list(cache.osv(Ecosystem.PYPI).dir())) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("no staging folder or partial download left behind")
                    .allMatch(n -> n.equals("CURRENT") || n.startsWith("gen-"));
        }
    }

    @Test
    void archivesOfInvalidRecordsAreRefused() throws IOException {
        files.put("/osv/PyPI/all.zip", zipOf(Map.of("a.json", "{\"no\": \"id\"}".getBytes(StandardCharsets.UTF_8))));
        assertThat(updater().update(List.of(Feed.OSV_PYPI))).singleElement().satisfies(o -> {
            assertThat(o.failure()).contains(UpdateException.Kind.INVALID_DATA);
            assertThat(o.message()).contains("no valid OSV record");
        });
        assertThat(cache.osv(Ecosystem.PYPI).current()).isEmpty();
        assertThat(AdvisoryDatabase.open(cache).hasData(Ecosystem.PYPI)).isFalse();
    }

    @Test
    void aZipBombIsRefused() throws IOException {
        byte[] zeros = new byte[64 << 20];
        files.put("/osv/PyPI/all.zip", zipOf(Map.of("bomb.json", zeros)));
        assertThat(files.get("/osv/PyPI/all.zip").length).isLessThan(1 << 20);
        assertThat(updater().update(List.of(Feed.OSV_PYPI))).singleElement().satisfies(o -> {
            assertThat(o.failure()).contains(UpdateException.Kind.INVALID_DATA);
            assertThat(o.message()).contains("bomb.json").contains("more than");
        });
    }

    @Test
    void oversizedDownloadsAreCutOff() throws IOException {
        serveGoodFeeds();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        var tiny = new ArchiveLimits(100, 10, 1000, 10_000, 100, 10);
        var updater = new DbUpdater(cache, new DataSources(base.resolve("/osv"), base.resolve("/kev.json"), base.resolve("/epss.csv.gz")),
                Downloader.defaultClient(), tiny, CLOCK);
        assertThat(updater.update(List.of(Feed.OSV_PYPI))).singleElement()
                .satisfies(o -> assertThat(o.message()).contains("over the limit"));
    }

    @Test
    void networkFailuresAreReportedAsSuch() throws IOException {
        assertThat(updater().update(List.of(Feed.OSV_NPM))).singleElement().satisfies(o -> {
            assertThat(o.failure()).contains(UpdateException.Kind.NETWORK);
            assertThat(o.message()).contains("HTTP 404");
        });
        int closedPort;
        try (var s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);
        var updater = new DbUpdater(cache, new DataSources(nowhere, nowhere.resolve("/k"), nowhere.resolve("/e")),
                Downloader.defaultClient(), ArchiveLimits.DEFAULT, CLOCK);
        assertThat(updater.update(List.of(Feed.OSV_PYPI, Feed.KEV))).allSatisfy(o -> {
            assertThat(o.failure()).contains(UpdateException.Kind.NETWORK);
            assertThat(o.message()).contains("cannot reach");
        });
    }

    @Test
    void importsAFolderOfRecordsOffline() throws Exception {
        SourceMeta meta = DbUpdater.importDirectory(cache, Feed.OSV_PYPI, OsvTestData.pypa());
        assertThat(meta.records()).isEqualTo(564);
        var fromCache = AdvisoryDatabase.open(cache);
        var inMemory = AdvisoryDatabase.of(OsvTestData.records(OsvTestData.pypa()));
        for (String[] q : new String[][]{{"torch", "1.12.0"}, {"tensorflow", "2.4.0"}, {"pillow", "8.0.0"}, {"django", "4.2rc1"},
                {"requests", "2.2.1"}, {"numpy", "1.13.0"}, {"langchain", "0.0.100"}}) {
            assertThat(fromCache.lookup(Ecosystem.PYPI, q[0], q[1])).as(q[0] + " " + q[1])
                    .isNotEmpty().isEqualTo(inMemory.lookup(Ecosystem.PYPI, q[0], q[1]));
        }
        assertThat(fromCache.record(Ecosystem.PYPI, "PYSEC-2022-43015")).hasValueSatisfying(
                r -> assertThat(r.affected().getFirst().pkg().name()).isEqualTo("torch"));
    }

    @Test
    void aDamagedIndexIsAnErrorNotSilence() throws Exception {
        DbUpdater.importDirectory(cache, Feed.OSV_PYPI, OsvTestData.mini());
        Path index = cache.osv(Ecosystem.PYPI).current().orElseThrow().resolve(OsvImporter.INDEX_FILE);
        byte[] bytes = Files.readAllBytes(index);
        Files.write(index, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        var db = AdvisoryDatabase.open(cache);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.lookup(Ecosystem.PYPI, "demo-pkg", "1.0"))
                .hasMessageContaining("truncated").hasMessageContaining("db update");
    }
}
