package dev.bulwark.supply.deps.manifest;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Test fixtures under {@code dev/bulwark/supply/deps/manifest/} and short renderings of what a parser read. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path path(String relative) {
        var url = Fixtures.class.getResource("/dev/bulwark/supply/deps/manifest/" + relative);
        if (url == null) throw new IllegalArgumentException("no fixture " + relative);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Manifest parse(String relative) throws Exception {
        Path file = path(relative);
        ManifestFormat format = ManifestFormat.byFileName(file).orElseGet(() -> formatOfLegacyFixture(relative));
        return format.parse(file, ManifestLimits.defaults());
    }

    /** osv-scanner's legacy fixtures have other names (nested-dependencies.v2.json): their folder says the format. */
    private static ManifestFormat formatOfLegacyFixture(String relative) {
        if (relative.contains("/pip/")) return ManifestFormat.REQUIREMENTS;
        if (relative.contains("/poetry/")) return ManifestFormat.POETRY_LOCK;
        if (relative.contains("/npm/")) return ManifestFormat.PACKAGE_LOCK;
        if (relative.contains("/maven/")) return ManifestFormat.POM;
        throw new IllegalArgumentException("unknown fixture format " + relative);
    }

    /** "name@version" (or "name" when unpinned) for every entry, in order. */
    public static List<String> packages(Manifest m) {
        return m.dependencies().stream().map(d -> d.name() + d.version().map(v -> "@" + v).orElse("")).toList();
    }
}
