package dev.bulwark.supply.deps.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.supply.deps.Dependency;
import dev.bulwark.supply.deps.Ecosystem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pylock.toml} / {@code pylock.NAME.toml} (PEP 751): every {@code [[packages]]} with its version, index,
 * marker, VCS commit, archive URL, and the hashes of its archive, sdist and wheels. {@code lock-version} must be
 * 1.x (the only version PEP 751 defines).
 */
final class PylockParser implements ManifestParser {
    @Override
    public Manifest parse(Path file, ManifestLimits limits) throws IOException, ManifestException {
        TomlDocument doc = TomlDocument.read(file, limits);
        String lockVersion = Nodes.text(doc.root(), "lock-version");
        if (lockVersion.isEmpty()) throw new ManifestException(file, doc.lineContaining("lock-version", 1, 0), "lock-version", "missing");
        if (!lockVersion.equals("1") && !lockVersion.startsWith("1.")) {
            throw new ManifestException(file, doc.lineContaining("lock-version", 1, 0), "lock-version",
                    "unsupported version " + lockVersion + " (PEP 751 defines 1.0)");
        }
        List<Integer> lines = doc.arrayTableLines("packages");
        List<JsonNode> packages = Nodes.array(doc.root(), "packages");
        if (packages.size() > limits.maxEntries()) throw new ManifestException(file, 0, "packages", "more than " + limits.maxEntries() + " packages");
        var entries = new ArrayList<ManifestEntry>();
        var indexes = new ArrayList<PackageIndex>();
        var seenIndexes = new java.util.HashSet<String>();
        for (int i = 0; i < packages.size(); i++) {
            JsonNode p = packages.get(i);
            int line = TomlDocument.nth(lines, i);
            String name = Nodes.text(p, "name");
            if (name.isEmpty()) throw new ManifestException(file, line, "packages.name", "missing");
            var source = new Dependency.Source(file.toString(), line);
            String index = Nodes.text(p, "index");
            if (!index.isEmpty() && seenIndexes.add(index) && !index.startsWith("https://pypi.org/")) {
                indexes.add(new PackageIndex(PackageIndex.Kind.PRIMARY, index, source));
            }
            Optional<String> origin = Optional.empty();
            JsonNode vcs = p.path("vcs");
            if (vcs.isObject()) {
                String commit = Nodes.text(vcs, "commit-id");
                origin = Optional.of(Nodes.text(vcs, "type") + "+" + Nodes.text(vcs, "url") + (commit.isEmpty() ? "" : "@" + commit));
            } else if (p.path("archive").isObject()) {
                origin = Optional.of(Nodes.text(p.path("archive"), "url"));
            } else if (p.path("directory").isObject()) {
                origin = Optional.of("file:" + Nodes.text(p.path("directory"), "path"));
            }
            var hashes = new ArrayList<String>();
            addHashes(hashes, p.path("archive").path("hashes"));
            addHashes(hashes, p.path("sdist").path("hashes"));
            for (JsonNode w : Nodes.array(p, "wheels")) addHashes(hashes, w.path("hashes"));
            String version = Nodes.text(p, "version");
            entries.add(new ManifestEntry(new Dependency(Ecosystem.PYPI, name,
                    version.isEmpty() ? Optional.empty() : Optional.of(version), version.isEmpty() ? "" : "==" + version,
                    hashes, source, false, origin), DependencyScope.REQUIRED, Nodes.text(p, "marker"), List.of(), false));
        }
        return Manifest.of(file, ManifestFormat.PYLOCK, entries, indexes, true);
    }

    private static void addHashes(List<String> out, JsonNode hashes) {
        if (!hashes.isObject()) return;
        for (Map.Entry<String, JsonNode> h : hashes.properties()) {
            String hash = Nodes.hash(h.getKey(), h.getValue().asText());
            if (!out.contains(hash)) out.add(hash);
        }
    }
}
