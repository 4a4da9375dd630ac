package dev.bulwark.bench;

import dev.bulwark.kb.KnowledgeBase;
import dev.bulwark.supply.deps.DependencyScan;
import dev.bulwark.supply.deps.DependencyScanner;
import dev.bulwark.supply.deps.ExploitStatus;
import dev.bulwark.supply.deps.manifest.ManifestLimits;
import dev.bulwark.supply.deps.osv.AdvisoryDatabase;
import dev.bulwark.supply.deps.osv.CacheLocation;
import dev.bulwark.supply.deps.osv.DbUpdater;
import dev.bulwark.supply.deps.osv.Feed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Offline dependency check of one lock file against a warm advisory cache: imports OSV records into the cache once
 * (when it has none), then times full scans (find, parse, trust checks, OSV lookups; a fresh AdvisoryDatabase per
 * scan, so each includes reading the index from disk). Usage: DepsLockfileBench LOCKFILE CACHE_DIR OSV_RECORDS_DIR [RUNS]
 */
public final class DepsLockfileBench {
    private DepsLockfileBench() {
    }

    public static void main(String[] args) throws Exception {
        Path lock = Path.of(args[0]);
        var cache = new CacheLocation(Path.of(args[1]));
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        if (cache.osv(dev.bulwark.supply.deps.Ecosystem.PYPI).current().isEmpty()) {
            long t = System.nanoTime();
            var meta = DbUpdater.importDirectory(cache, Feed.OSV_PYPI, Path.of(args[2]));
            System.out.printf("imported OSV PyPI records into %s in %d ms (%s)%n", cache.root(), (System.nanoTime() - t) / 1_000_000, meta);
        }
        var kb = KnowledgeBase.bundled();
        // phases of a cold run, for where the time goes (each in a fresh state where it matters)
        long t0 = System.nanoTime();
        var manifest = dev.bulwark.supply.deps.manifest.ManifestFormat.byFileName(lock).orElseThrow().parse(lock, ManifestLimits.defaults());
        long t1 = System.nanoTime();
        var db = AdvisoryDatabase.open(cache);
        db.hasData(dev.bulwark.supply.deps.Ecosystem.PYPI);
        long t2 = System.nanoTime();
        long matches = manifest.dependencies().stream().mapToLong(d -> db.lookup(d).size()).sum();
        long t3 = System.nanoTime();
        System.out.printf("cold phases: parse %d ms, load index %d ms, %d lookups %d ms (%d matches)%n", (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, manifest.entries().size(), (t3 - t2) / 1_000_000, matches);
        for (int i = 1; i <= runs; i++) {
            long t = System.nanoTime();
            var scanner = new DependencyScanner(Optional.of(AdvisoryDatabase.open(cache)), new ExploitStatus(kb, Optional.empty()),
                    ManifestLimits.defaults());
            DependencyScan scan = scanner.scan(List.of(lock), List.of());
            long ms = (System.nanoTime() - t) / 1_000_000;
            long vulnerable = scan.findings().stream().filter(f -> f.check().equals("deps.vulnerable")).count();
            System.out.printf("run %d: %d dependencies, %d findings (%d vulnerable) in %d ms%s%n", i, scan.dependencyCount(),
                    scan.findings().size(), vulnerable, ms, i == 1 ? " (first run: JIT cold)" : "");
        }
        if (!Files.exists(lock)) throw new IllegalStateException("no lock file " + lock);
    }
}
