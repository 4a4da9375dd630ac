package dev.bulwark.cli;

import dev.bulwark.supply.deps.osv.ArchiveLimits;
import dev.bulwark.supply.deps.osv.CacheLocation;
import dev.bulwark.supply.deps.osv.DataSources;
import dev.bulwark.supply.deps.osv.DbUpdater;
import dev.bulwark.supply.deps.osv.Feed;
import dev.bulwark.supply.deps.osv.SourceMeta;
import dev.bulwark.supply.deps.osv.UpdateException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bulwark db update|status}: the offline vulnerability data (OSV per ecosystem, CISA KEV, FIRST EPSS). */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Refresh or inspect the offline data: OSV advisories (PyPI, npm, Maven), CISA KEV, EPSS.",
        subcommands = {DbCommand.Update.class, DbCommand.Status.class})
final class DbCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Options both subcommands share. */
    static final class CacheOption {
        @Option(names = "--cache", paramLabel = "DIR",
                description = "Cache folder (default: $BULWARK_CACHE, else ~/.cache/bulwark).")
        Path cache;

        CacheLocation location() {
            return cache != null ? new CacheLocation(cache) : CacheLocation.fromEnvironment();
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Download OSV's per-ecosystem archives, the KEV catalog and EPSS scores into the cache. "
                    + "Each source is validated and swapped in atomically; a failed one keeps its old data.",
                    "Sources: $BULWARK_OSV_URL (base of <Ecosystem>/all.zip), $BULWARK_KEV_URL, $BULWARK_EPSS_URL, "
                            + "or the options below.",
                    "Offline: --from DIR imports a folder of OSV JSON/YAML records (e.g. the PyPA advisory database).",
                    "Exit codes: 0 all updated, 2 bad usage, 3 a source could not be fetched or was invalid."})
    static final class Update implements Callable<Integer> {
        @CommandLine.Mixin
        CacheOption cacheOption = new CacheOption();

        @Option(names = "--only", split = ",", paramLabel = "SOURCE",
                description = "Update only these: pypi, npm, maven, kev, epss (default: all).")
        List<String> only = new ArrayList<>();

        @Option(names = "--from", paramLabel = "DIR", description = "Import OSV records from a folder instead of downloading.")
        Path from;

        @Option(names = "--ecosystem", paramLabel = "ECOSYSTEM", defaultValue = "pypi",
                description = "The ecosystem of the records given with --from: pypi, npm or maven (default: pypi).")
        String ecosystem;

        @Option(names = "--osv-url", paramLabel = "URL", description = "Base URL of the OSV archives.")
        URI osvUrl;

        @Option(names = "--kev-url", paramLabel = "URL", description = "URL of the KEV catalog JSON.")
        URI kevUrl;

        @Option(names = "--epss-url", paramLabel = "URL", description = "URL of the EPSS scores CSV (gzip or plain).")
        URI epssUrl;

        @Override
        public Integer call() {
            CacheLocation cache = cacheOption.location();
            if (from != null) return importFolder(cache);
            EnumSet<Feed> feeds = feeds(only);
            DataSources sources;
            try {
                var env = DataSources.fromEnvironment();
                sources = new DataSources(osvUrl != null ? osvUrl : env.osvBase(), kevUrl != null ? kevUrl : env.kev(),
                        epssUrl != null ? epssUrl : env.epss());
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            var updater = new DbUpdater(cache, sources, client, ArchiveLimits.DEFAULT, Clock.systemUTC());
            boolean allOk = true;
            for (Feed feed : feeds) {
                if (System.console() != null) System.err.println("bulwark: updating " + feed.label() + " …");
                DbUpdater.Outcome o = updater.update(List.of(feed)).getFirst();
                allOk &= o.ok();
                if (o.ok()) {
                    System.out.printf("%-11s updated: %s%n", feed.label(), o.message());
                } else {
                    System.out.printf("%-11s FAILED (%s): %s; the previous data, if any, is kept%n", feed.label(),
                            o.failure().orElseThrow().name().toLowerCase(Locale.ROOT).replace('_', ' '), o.message());
                }
            }
            return allOk ? ExitCode.OK : ExitCode.UNREACHABLE_OR_INTERNAL;
        }

        private int importFolder(CacheLocation cache) {
            if (!Files.isDirectory(from)) throw new BadInputException(from + ": not a folder");
            Feed feed = feeds(List.of(ecosystem)).stream().filter(f -> f.ecosystem().isPresent()).findFirst()
                    .orElseThrow(() -> new BadInputException("--ecosystem: expected pypi, npm or maven, got '" + ecosystem + "'"));
            try {
                SourceMeta meta = DbUpdater.importDirectory(cache, feed, from);
                System.out.printf("%-11s imported: %d records from %s%n", feed.label(), meta.records(), from);
                return ExitCode.OK;
            } catch (UpdateException e) {
                if (e.kind() == UpdateException.Kind.INVALID_DATA) throw new BadInputException(from + ": " + e.getMessage(), e);
                System.err.println("bulwark: " + e.getMessage());
                return ExitCode.UNREACHABLE_OR_INTERNAL;
            }
        }

        private static EnumSet<Feed> feeds(List<String> names) {
            if (names.isEmpty()) return EnumSet.allOf(Feed.class);
            EnumSet<Feed> out = EnumSet.noneOf(Feed.class);
            for (String n : names) {
                out.add(switch (n.strip().toLowerCase(Locale.ROOT)) {
                    case "pypi", "osv-pypi" -> Feed.OSV_PYPI;
                    case "npm", "osv-npm" -> Feed.OSV_NPM;
                    case "maven", "osv-maven" -> Feed.OSV_MAVEN;
                    case "kev" -> Feed.KEV;
                    case "epss" -> Feed.EPSS;
                    default -> throw new BadInputException("--only: unknown source '" + n + "' (expected pypi, npm, maven, kev, epss)");
                });
            }
            return out;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show what the cache holds per source: records, last update and age.")
    static final class Status implements Callable<Integer> {
        @CommandLine.Mixin
        CacheOption cacheOption = new CacheOption();

        @Override
        public Integer call() {
            CacheLocation cache = cacheOption.location();
            System.out.println("cache: " + cache.root());
            System.out.printf("%-11s %10s  %-20s  %s%n", "source", "records", "updated (UTC)", "age");
            Instant now = Instant.now();
            for (DbUpdater.Status s : DbUpdater.status(cache)) {
                if (s.meta().isEmpty()) {
                    System.out.printf("%-11s %10s  %-20s  %s%n", s.feed().label(), "-", "never", "run 'bulwark db update'");
                    continue;
                }
                SourceMeta m = s.meta().get();
                System.out.printf("%-11s %10d  %-20s  %s%n", s.feed().label(), m.records(),
                        m.updatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace('T', ' ').replace("Z", ""),
                        age(Duration.between(m.updatedAt(), now)));
            }
            return ExitCode.OK;
        }

        static String age(Duration d) {
            if (d.isNegative()) return "0 min";
            if (d.toDays() >= 2) return d.toDays() + " days";
            if (d.toHours() >= 1) return d.toHours() + " h";
            return d.toMinutes() + " min";
        }
    }
}
