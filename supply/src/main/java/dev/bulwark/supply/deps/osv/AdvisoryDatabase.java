package dev.bulwark.supply.deps.osv;

import dev.bulwark.supply.deps.Dependency;
import dev.bulwark.supply.deps.Ecosystem;
import dev.bulwark.supply.deps.version.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipFile;

/**
 * Offline vulnerability lookups. Each ecosystem's compact index is loaded from the cache the first time that
 * ecosystem is asked about and kept for the life of the object, so checking a large lock file costs one file read
 * plus in-memory matching. Thread-safe.
 *
 * <p>Conda packages are looked up in the PyPI data (conda has no OSV feed; most AI packages on conda are the PyPI
 * ones repackaged). A dependency without an exact version cannot be matched and yields no advisories: flagging it
 * as unpinned is the trust checks' job.
 */
public final class AdvisoryDatabase {
    private final CacheLocation cache;
    private final Map<Ecosystem, Optional<AdvisoryIndex>> loaded = new ConcurrentHashMap<>();

    private AdvisoryDatabase(CacheLocation cache, Map<Ecosystem, AdvisoryIndex> preloaded) {
        this.cache = cache;
        preloaded.forEach((e, i) -> loaded.put(e, Optional.of(i)));
    }

    /** The database kept in a cache folder (filled by {@code bulwark db update}). */
    public static AdvisoryDatabase open(CacheLocation cache) {
        return new AdvisoryDatabase(cache, Map.of());
    }

    /** The database in {@code $BULWARK_CACHE} or {@code ~/.cache/bulwark}. */
    /**
     * The cached database when it holds advisories for some ecosystem, else empty (nothing cached yet).
     *
     * @throws java.io.UncheckedIOException when the cache is there but damaged
     */
    public static java.util.Optional<AdvisoryDatabase> withData(CacheLocation cache) {
        AdvisoryDatabase db = open(cache);
        return java.util.Arrays.stream(dev.bulwark.supply.deps.Ecosystem.values()).anyMatch(db::hasData)
                ? java.util.Optional.of(db) : java.util.Optional.empty();
    }

    public static AdvisoryDatabase openDefault() {
        return open(CacheLocation.fromEnvironment());
    }

    /** An in-memory database of the given records, for tests and bundled data. */
    public static AdvisoryDatabase of(Collection<OsvRecord> records) {
        Map<Ecosystem, AdvisoryIndex> indexes = new EnumMap<>(Ecosystem.class);
        for (Ecosystem e : List.of(Ecosystem.PYPI, Ecosystem.NPM, Ecosystem.MAVEN)) indexes.put(e, AdvisoryIndex.of(e, records));
        return new AdvisoryDatabase(null, indexes);
    }

    /**
     * The advisories affecting a dependency's exact version, each with the fixed versions that would resolve it.
     * Empty when the dependency is not pinned, its version cannot be read, or no data is held for its ecosystem
     * (ask {@link #hasData} to tell "no advisories" from "not checked").
     */
    public List<AdvisoryMatch> lookup(Dependency dependency) {
        if (dependency.version().isEmpty()) return List.of();
        return lookup(dependency.ecosystem(), dependency.name(), dependency.version().get());
    }

    /** As {@link #lookup(Dependency)} for a name and exact version. */
    public List<AdvisoryMatch> lookup(Ecosystem ecosystem, String name, String version) {
        Ecosystem data = dataEcosystem(ecosystem);
        Optional<AdvisoryIndex> index = index(data);
        if (index.isEmpty()) return List.of();
        Version parsed;
        try {
            parsed = Version.parse(data, version);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        return index.get().lookup(name, parsed);
    }

    /** True when advisories for this ecosystem are available, so an empty lookup means "none known". */
    public boolean hasData(Ecosystem ecosystem) {
        return index(dataEcosystem(ecosystem)).isPresent();
    }

    /** The full record of an advisory, read from the cached archive (empty for in-memory databases). */
    public Optional<OsvRecord> record(Ecosystem ecosystem, String id) {
        if (cache == null || !id.matches("[A-Za-z0-9._:-]{1,128}")) return Optional.empty();
        Optional<Path> generation = cache.osv(dataEcosystem(ecosystem)).current();
        if (generation.isEmpty()) return Optional.empty();
        try (var zip = new ZipFile(generation.get().resolve(OsvImporter.RECORDS_FILE).toFile())) {
            for (String name : List.of(id + ".json", id + ".yaml")) {
                var entry = zip.getEntry(name);
                if (entry == null) continue;
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] bytes = in.readNBytes(OsvParser.MAX_RECORD_BYTES + 1);
                    return Optional.of(OsvParser.parse(bytes));
                }
            }
            return Optional.empty();
        } catch (IOException | InvalidRecordException e) {
            return Optional.empty();
        }
    }

    private static Ecosystem dataEcosystem(Ecosystem ecosystem) {
        return ecosystem == Ecosystem.CONDA ? Ecosystem.PYPI : ecosystem;
    }

    private Optional<AdvisoryIndex> index(Ecosystem ecosystem) {
        return loaded.computeIfAbsent(ecosystem, this::load);
    }

    private Optional<AdvisoryIndex> load(Ecosystem ecosystem) {
        if (cache == null) return Optional.empty();
        Optional<Path> generation = cache.osv(ecosystem).current();
        if (generation.isEmpty()) return Optional.empty();
        try (InputStream in = Files.newInputStream(generation.get().resolve(OsvImporter.INDEX_FILE))) {
            AdvisoryIndex index = IndexCodec.read(in);
            if (index.ecosystem() != ecosystem) throw new IOException("index in " + generation.get() + " is for " + index.ecosystem());
            return Optional.of(index);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the advisory index in " + generation.get()
                    + " (run 'bulwark db update'): " + e.getMessage(), e);
        }
    }
}
