package dev.bulwark.supply.deps.osv;

import dev.bulwark.supply.deps.Dependency;
import dev.bulwark.supply.deps.Ecosystem;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Scripted speed check (not a test; no timing asserts): builds a PyPI-sized cache (20,000 advisories over 8,000
 * packages, several ranges and explicit versions each), then checks a 1,000-package lock file against it with a
 * fresh database, index load included. Run: java -cp … dev.bulwark.supply.deps.osv.LookupSpeedCheck [DIR]
 */
public final class LookupSpeedCheck {
    private LookupSpeedCheck() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("bulwark-speed");
        var cache = new CacheLocation(dir);
        var random = new Random(42);
        var builder = new AdvisoryIndex.Builder(Ecosystem.PYPI);
        int packages = 8_000;
        for (int i = 0; i < 20_000; i++) {
            String pkg = "package-" + random.nextInt(packages);
            int major = random.nextInt(5);
            List<OsvEvent> events = List.of(new OsvEvent(OsvEvent.Kind.INTRODUCED, major + ".0"),
                    new OsvEvent(OsvEvent.Kind.FIXED, major + "." + (1 + random.nextInt(9)) + "." + random.nextInt(5)),
                    new OsvEvent(OsvEvent.Kind.INTRODUCED, (major + 1) + ".0rc1"),
                    new OsvEvent(OsvEvent.Kind.FIXED, (major + 1) + ".2.post1"));
            List<String> versions = new ArrayList<>();
            for (int v = 0; v < 5; v++) versions.add("0." + v + "." + random.nextInt(3));
            var affected = new OsvAffected(new OsvPackage("PyPI", pkg, ""),
                    List.of(new OsvRange(OsvRange.Type.ECOSYSTEM, "", events)), versions, List.of());
            builder.add(new OsvRecord("SPEED-" + i, List.of("CVE-2099-" + i), "summary " + i, "", "", "", "",
                    List.of(new OsvSeverity("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")), List.of("CWE-79"),
                    List.of(affected), List.of()));
        }
        GenerationStore store = cache.osv(Ecosystem.PYPI);
        Path staging = store.stage();
        try (OutputStream out = Files.newOutputStream(staging.resolve(OsvImporter.INDEX_FILE))) {
            IndexCodec.write(builder.build(), out);
        }
        new SourceMeta("synthetic", Instant.now(), 20_000, "", 0).writeTo(staging);
        store.commit(staging);
        System.out.printf("index: %,d bytes%n", Files.size(store.current().orElseThrow().resolve(OsvImporter.INDEX_FILE)));

        List<Dependency> lock = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            lock.add(new Dependency(Ecosystem.PYPI, "Package_" + random.nextInt(packages * 2),
                    Optional.of(random.nextInt(6) + "." + random.nextInt(10) + "." + random.nextInt(10)), "", List.of(),
                    new Dependency.Source("poetry.lock", i + 1), true, Optional.empty()));
        }
        for (int round = 1; round <= 5; round++) {
            long start = System.nanoTime();
            var db = AdvisoryDatabase.open(cache);
            long matches = 0;
            for (Dependency d : lock) matches += db.lookup(d).size();
            long loadAndCheck = System.nanoTime() - start;
            start = System.nanoTime();
            for (Dependency d : lock) db.lookup(d);
            long warmCheck = System.nanoTime() - start;
            System.out.printf("round %d: open + index load + 1,000 lookups %.0f ms (%d matches); 1,000 lookups on a loaded index %.1f ms%n",
                    round, loadAndCheck / 1e6, matches, warmCheck / 1e6);
        }
    }
}
