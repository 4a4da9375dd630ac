package dev.bulwark.supply.deps.osv;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Refreshes the offline data: each feed is downloaded to a temporary file (bounded), validated, and swapped into
 * the cache atomically. Feeds are independent: one failing leaves its old data in place and the others still
 * update.
 */
public final class DbUpdater {
    /** What happened to one feed. {@code failure} is empty when it updated. */
    public record Outcome(Feed feed, Optional<SourceMeta> meta, Optional<UpdateException.Kind> failure, String message) {
        public boolean ok() {
            return failure.isEmpty();
        }
    }

    /** What the cache holds for one feed. */
    public record Status(Feed feed, Optional<SourceMeta> meta) {
        public boolean present() {
            return meta.isPresent();
        }
    }

    private static final long MAX_FEED_BYTES = 512L << 20;

    private final CacheLocation cache;
    private final DataSources sources;
    private final Downloader downloader;
    private final OsvImporter importer;
    private final ArchiveLimits limits;
    private final Clock clock;

    public DbUpdater(CacheLocation cache, DataSources sources, HttpClient client, ArchiveLimits limits, Clock clock) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.downloader = new Downloader(client, Duration.ofMinutes(15));
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.importer = new OsvImporter(limits, clock);
    }

    public static DbUpdater fromEnvironment() {
        return new DbUpdater(CacheLocation.fromEnvironment(), DataSources.fromEnvironment(), Downloader.defaultClient(),
                ArchiveLimits.DEFAULT, Clock.systemUTC());
    }

    public List<Outcome> update(Collection<Feed> feeds) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Feed feed : feeds) {
            try {
                SourceMeta meta = update(feed);
                outcomes.add(new Outcome(feed, Optional.of(meta), Optional.empty(), meta.records() + " records"));
            } catch (UpdateException e) {
                outcomes.add(new Outcome(feed, Optional.empty(), Optional.of(e.kind()), e.getMessage()));
            }
        }
        return outcomes;
    }

    private SourceMeta update(Feed feed) throws UpdateException {
        GenerationStore store = feed.store(cache);
        URI uri = switch (feed) {
            case KEV -> sources.kev();
            case EPSS -> sources.epss();
            default -> sources.osvArchive(feed.ecosystem().orElseThrow());
        };
        long max = feed.ecosystem().isPresent() ? limits.maxDownloadBytes() : MAX_FEED_BYTES;
        Downloader.Download download = downloader.fetch(uri, max, store.dir());
        try {
            if (feed.ecosystem().isPresent()) {
                return importer.importZip(download.file(), feed.ecosystem().get(), store, uri.toString(), download.sha256());
            }
            return stageFeed(feed, store, uri, download);
        } finally {
            try {
                Files.deleteIfExists(download.file());
            } catch (IOException ignored) {
                // a stray temporary file in the cache folder; removed with the next update's leftovers
            }
        }
    }

    private SourceMeta stageFeed(Feed feed, GenerationStore store, URI uri, Downloader.Download download) throws UpdateException {
        Path staging;
        try {
            staging = store.stage();
        } catch (IOException e) {
            throw new UpdateException(UpdateException.Kind.STORAGE, "cannot write " + store.dir() + ": " + e.getMessage(), e);
        }
        try {
            long records = feed == Feed.KEV ? ExploitFeeds.stageKev(download.file(), staging)
                    : ExploitFeeds.stageEpss(download.file(), staging);
            var meta = new SourceMeta(uri.toString(), clock.instant(), records, download.sha256(), download.bytes());
            meta.writeTo(staging);
            store.commit(staging);
            return meta;
        } catch (IOException e) {
            store.discard(staging);
            throw new UpdateException(UpdateException.Kind.STORAGE, "cannot write " + store.dir() + ": " + e.getMessage(), e);
        } catch (UpdateException | RuntimeException e) {
            store.discard(staging);
            throw e;
        }
    }

    /** What the cache holds for each feed. */
    public static List<Status> status(CacheLocation cache) {
        List<Status> out = new ArrayList<>();
        for (Feed feed : Feed.values()) {
            out.add(new Status(feed, feed.store(cache).current().flatMap(SourceMeta::readFrom)));
        }
        return out;
    }

    /** Imports a folder of OSV JSON/YAML records (e.g. a PyPA advisory-database checkout) without network. */
    public static SourceMeta importDirectory(CacheLocation cache, Feed feed, Path dir) throws UpdateException {
        return new OsvImporter(ArchiveLimits.DEFAULT, Clock.systemUTC())
                .importDirectory(dir, feed.ecosystem().orElseThrow(() -> new IllegalArgumentException(feed.label() + " is not an OSV feed")),
                        feed.store(cache));
    }
}
