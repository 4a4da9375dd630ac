package dev.bulwark.supply.deps.osv;

import dev.bulwark.supply.deps.Ecosystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Turns OSV records into a cache generation: reads every record (from OSV's {@code all.zip} or from a folder of
 * JSON/YAML files such as the PyPA advisory database), validates them, builds the compact index and commits the
 * generation atomically. Nothing is committed when the archive is corrupt, over a limit or mostly invalid.
 */
public final class OsvImporter {
    static final String INDEX_FILE = "index.bin";
    static final String RECORDS_FILE = "all.zip";

    private final ArchiveLimits limits;
    private final Clock clock;

    public OsvImporter(ArchiveLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Imports a downloaded OSV archive for one ecosystem into the store. */
    public SourceMeta importZip(Path zip, Ecosystem ecosystem, GenerationStore store, String source, String sha256)
            throws UpdateException {
        Path staging = stage(store);
        try {
            var builder = new AdvisoryIndex.Builder(ecosystem);
            long records = readZip(zip, builder);
            Files.copy(zip, staging.resolve(RECORDS_FILE), StandardCopyOption.REPLACE_EXISTING);
            return finish(store, staging, builder, new SourceMeta(source, clock.instant(), records, sha256, Files.size(zip)));
        } catch (IOException e) {
            store.discard(staging);
            throw new UpdateException(UpdateException.Kind.STORAGE, "cannot write " + store.dir() + ": " + e.getMessage(), e);
        } catch (UpdateException | RuntimeException e) {
            store.discard(staging);
            throw e;
        }
    }

    /**
     * Imports a folder tree of OSV records (*.json, *.yaml, *.yml), e.g. a checkout of the PyPA advisory database:
     * the offline way to fill the cache on a machine without network.
     */
    public SourceMeta importDirectory(Path dir, Ecosystem ecosystem, GenerationStore store) throws UpdateException {
        Path staging = stage(store);
        try {
            var builder = new AdvisoryIndex.Builder(ecosystem);
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir, 8)) {
                files = walk.filter(Files::isRegularFile).filter(OsvImporter::isRecordFile).sorted().toList();
            }
            if (files.size() > limits.maxEntries()) throw invalid(dir + " holds more than " + limits.maxEntries() + " records");
            var tally = new Tally();
            try (var zipOut = new ZipOutputStream(Files.newOutputStream(staging.resolve(RECORDS_FILE)))) {
                for (Path f : files) {
                    if (Files.size(f) > limits.maxEntryBytes()) {
                        tally.invalid(f.toString(), "larger than " + limits.maxEntryBytes() + " bytes");
                        continue;
                    }
                    byte[] bytes = Files.readAllBytes(f);
                    OsvRecord record = tally.accept(f.toString(), bytes, builder);
                    if (record != null) {
                        zipOut.putNextEntry(new ZipEntry(record.id() + extensionOf(f)));
                        zipOut.write(bytes);
                        zipOut.closeEntry();
                    }
                }
            }
            tally.check(dir.toString());
            return finish(store, staging, builder, new SourceMeta(dir.toAbsolutePath().toString(), clock.instant(),
                    tally.ok, "", Files.size(staging.resolve(RECORDS_FILE))));
        } catch (IOException e) {
            store.discard(staging);
            throw new UpdateException(UpdateException.Kind.STORAGE, "cannot import " + dir + ": " + e.getMessage(), e);
        } catch (UpdateException | RuntimeException e) {
            store.discard(staging);
            throw e;
        }
    }

    private SourceMeta finish(GenerationStore store, Path staging, AdvisoryIndex.Builder builder, SourceMeta meta)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(staging.resolve(INDEX_FILE))) {
            IndexCodec.write(builder.build(), out);
        }
        meta.writeTo(staging);
        store.commit(staging);
        return meta;
    }

    private long readZip(Path zip, AdvisoryIndex.Builder builder) throws UpdateException, IOException {
        var tally = new Tally();
        long total = 0;
        int entries = 0;
        try (var file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> all = file.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (++entries > limits.maxEntries()) throw invalid("archive holds more than " + limits.maxEntries() + " entries");
                if (entry.isDirectory() || !isRecordName(entry.getName())) continue;
                if (entry.getSize() > limits.maxEntryBytes()) throw invalid(entry.getName() + " unpacks to more than " + limits.maxEntryBytes() + " bytes");
                byte[] bytes;
                try (InputStream in = file.getInputStream(entry)) {
                    bytes = in.readNBytes(limits.maxEntryBytes() + 1); // count what really comes out, not the header's claim
                }
                if (bytes.length > limits.maxEntryBytes()) throw invalid(entry.getName() + " unpacks to more than " + limits.maxEntryBytes() + " bytes");
                long packed = Math.max(1, entry.getCompressedSize());
                if (bytes.length > (1 << 20) && bytes.length / packed > limits.maxRatio()) {
                    throw invalid(entry.getName() + " expands " + bytes.length / packed + "-fold: refused as a zip bomb");
                }
                total += bytes.length;
                if (total > limits.maxTotalBytes()) throw invalid("archive unpacks to more than " + limits.maxTotalBytes() + " bytes");
                tally.accept(entry.getName(), bytes, builder);
            }
        } catch (ZipException e) {
            throw invalid("not a valid zip archive: " + e.getMessage());
        }
        tally.check(zip.getFileName().toString());
        return tally.ok;
    }

    private static Path stage(GenerationStore store) throws UpdateException {
        try {
            return store.stage();
        } catch (IOException e) {
            throw new UpdateException(UpdateException.Kind.STORAGE, "cannot write " + store.dir() + ": " + e.getMessage(), e);
        }
    }

    private static boolean isRecordFile(Path p) {
        return !p.getFileName().toString().startsWith(".") && isRecordName(p.getFileName().toString());
    }

    private static boolean isRecordName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml");
    }

    private static String extensionOf(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".json") ? ".json" : ".yaml";
    }

    private static UpdateException invalid(String message) {
        return new UpdateException(UpdateException.Kind.INVALID_DATA, message);
    }

    /** Counts valid and invalid records and decides whether the whole source is usable. */
    private final class Tally {
        long ok;
        long bad;
        final List<String> examples = new ArrayList<>();

        OsvRecord accept(String name, byte[] bytes, AdvisoryIndex.Builder builder) {
            try {
                OsvRecord record = OsvParser.parse(bytes);
                builder.add(record);
                ok++;
                return record;
            } catch (InvalidRecordException e) {
                invalid(name, e.getMessage());
                return null;
            }
        }

        void invalid(String name, String why) {
            bad++;
            if (examples.size() < 3) examples.add(name + ": " + why);
        }

        void check(String what) throws UpdateException {
            if (ok == 0) throw OsvImporter.invalid(what + " holds no valid OSV record" + (examples.isEmpty() ? "" : " (" + examples + ")"));
            if (bad * 1000 > (ok + bad) * limits.maxInvalidPermille() && bad > 5) {
                throw OsvImporter.invalid(what + ": " + bad + " of " + (ok + bad) + " records are invalid, e.g. " + examples);
            }
        }
    }
}
