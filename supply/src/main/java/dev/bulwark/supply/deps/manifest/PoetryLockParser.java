package dev.bulwark.supply.deps.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.supply.deps.Dependency;
import dev.bulwark.supply.deps.Ecosystem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code poetry.lock} (lock-version 1.x and 2.x): every {@code [[package]]} with its version, category or groups,
 * optional flag, source (git, url, file, legacy index) and file hashes (inline {@code files} or the older
 * {@code [metadata.files]} table). A lock file cannot tell direct from transitive, so every entry is marked
 * transitive unless pyproject.toml says otherwise.
 */
final class PoetryLockParser implements ManifestParser {
    @Override
    public Manifest parse(Path file, ManifestLimits limits) throws IOException, ManifestException {
        TomlDocument doc = TomlDocument.read(file, limits);
        List<Integer> lines = doc.arrayTableLines("package");
        List<JsonNode> packages = Nodes.array(doc.root(), "package");
        if (packages.size() > limits.maxEntries()) throw new ManifestException(file, 0, "package", "more than " + limits.maxEntries() + " packages");
        JsonNode legacyFiles = Nodes.path(doc.root(), "metadata", "files");
        var entries = new ArrayList<ManifestEntry>();
        var indexes = new ArrayList<PackageIndex>();
        for (int i = 0; i < packages.size(); i++) {
            JsonNode p = packages.get(i);
            int line = TomlDocument.nth(lines, i);
            String name = Nodes.text(p, "name");
            String version = Nodes.text(p, "version");
            if (name.isEmpty()) throw new ManifestException(file, line, "package.name", "missing");
            if (version.isEmpty()) throw new ManifestException(file, line, "package.version", "missing for " + name);
            var source = new Dependency.Source(file.toString(), line);
            JsonNode src = p.path("source");
            Optional<String> origin = origin(src);
            if ("legacy".equals(Nodes.text(src, "type")) && !Nodes.text(src, "url").isEmpty()) {
                indexes.add(new PackageIndex(PackageIndex.Kind.PRIMARY, Nodes.text(src, "url"), source));
            }
            var hashes = new ArrayList<String>();
            for (JsonNode f : Nodes.array(p, "files")) addHash(hashes, Nodes.text(f, "hash"));
            for (JsonNode f : Nodes.array(legacyFiles, name)) addHash(hashes, Nodes.text(f, "hash"));
            entries.add(new ManifestEntry(new Dependency(Ecosystem.PYPI, name, Optional.of(version), "==" + version, hashes,
                    source, false, origin), scope(p), "", List.of(), false));
        }
        return Manifest.of(file, ManifestFormat.POETRY_LOCK, entries, indexes, true);
    }

    private static DependencyScope scope(JsonNode p) {
        if (Nodes.flag(p, "optional")) return DependencyScope.OPTIONAL;
        List<JsonNode> groups = Nodes.array(p, "groups");
        if ("dev".equals(Nodes.text(p, "category"))) return DependencyScope.DEVELOPMENT;
        if (!groups.isEmpty() && groups.stream().noneMatch(g -> "main".equals(g.asText()))) return DependencyScope.DEVELOPMENT;
        return DependencyScope.REQUIRED;
    }

    /** git sources become "git+URL@resolved_commit"; url/file/directory sources keep their URL or path. */
    static Optional<String> origin(JsonNode src) {
        String type = Nodes.text(src, "type");
        String url = Nodes.text(src, "url");
        if (type.equals("git")) {
            String ref = Nodes.text(src, "resolved_reference");
            if (ref.isEmpty()) ref = Nodes.text(src, "reference");
            return Optional.of("git+" + url + (ref.isEmpty() ? "" : "@" + ref));
        }
        if (type.equals("url") || type.equals("file") || type.equals("directory")) return Optional.of(url);
        return Optional.empty();
    }

    private static void addHash(List<String> hashes, String hash) {
        if (!hash.isEmpty() && !hashes.contains(hash)) hashes.add(hash);
    }
}
