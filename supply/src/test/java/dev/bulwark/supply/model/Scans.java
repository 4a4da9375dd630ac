package dev.bulwark.supply.model;

import dev.bulwark.supply.model.archive.Bzip2Reader;
import dev.bulwark.supply.model.archive.GzipReader;
import dev.bulwark.supply.model.archive.JoblibZfileReader;
import dev.bulwark.supply.model.archive.Lz4FrameReader;
import dev.bulwark.supply.model.archive.LzmaReader;
import dev.bulwark.supply.model.archive.SevenZReader;
import dev.bulwark.supply.model.archive.TarReader;
import dev.bulwark.supply.model.archive.XzReader;
import dev.bulwark.supply.model.archive.ZipReader;
import dev.bulwark.supply.model.archive.ZlibReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Scans test bytes with this package's containers and the {@link MarkerReader}, independent of other readers. */
public final class Scans {
    private Scans() {
    }

    public static Readers containersAndMarker() {
        return Readers.of(List.of(new ZipReader(), new TarReader(), new SevenZReader(), new GzipReader(),
                new Bzip2Reader(), new XzReader(), new LzmaReader(), new ZlibReader(), new JoblibZfileReader(),
                new Lz4FrameReader(), new MarkerReader()));
    }

    public static ScannedFile scan(Path dir, String name, byte[] bytes) {
        return scan(dir, name, bytes, ScanLimits.defaults());
    }

    public static ScannedFile scan(Path dir, String name, byte[] bytes, ScanLimits limits) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return new ModelScanner(containersAndMarker(), limits).scanFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> dangerous(ScannedFile f) {
        var out = new ArrayList<String>();
        for (ModelIssue i : f.issues()) {
            if (i.kind() == IssueKind.DANGEROUS_CALL) out.add(i.entry() + "#" + i.subject());
        }
        return out;
    }

    public static List<ModelIssue> notVerified(ScannedFile f) {
        return f.issues().stream().filter(i -> i.kind() == IssueKind.NOT_VERIFIED).toList();
    }

    public static ScanLimits withBudget(long maxExpandedBytes) {
        var d = ScanLimits.defaults();
        return new ScanLimits(d.maxDepth(), d.maxEntries(), maxExpandedBytes, d.maxRatio(), d.maxHeaderBytes(),
                d.maxPickleOps(), d.maxStackDepth());
    }
}
