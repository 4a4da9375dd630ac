package dev.bulwark.supply.deps.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.supply.deps.Dependency;
import dev.bulwark.supply.deps.Ecosystem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code uv.lock}: every {@code [[package]]} with its source (registry, git, url, path), sdist and wheel hashes.
 * The project itself (source {@code virtual} or {@code editable}) is not a dependency; its {@code dependencies} mark
 * the direct ones and its {@code dev-dependencies} the development ones.
 */
final class UvLockParser implements ManifestParser {
    @Override
    public Manifest parse(Path file, ManifestLimits limits) throws IOException, ManifestException {
        TomlDocument doc = TomlDocument.read(file, limits);
        List<Integer> lines = doc.arrayTableLines("package");
        List<JsonNode> packages = Nodes.array(doc.root(), "package");
        if (packages.size() > limits.maxEntries()) throw new ManifestException(file, 0, "package", "more than " + limits.maxEntries() + " packages");
        Set<String> direct = new HashSet<>();
        Set<String> dev = new HashSet<>();
        for (JsonNode p : packages) {
            if (!isProject(p)) continue;
            Nodes.array(p, "dependencies").forEach(d -> direct.add(Pep508.normalize(Nodes.text(d, "name"))));
            p.path("dev-dependencies").forEach(group -> group.forEach(d -> dev.add(Pep508.normalize(Nodes.text(d, "name")))));
            p.path("optional-dependencies").forEach(group -> group.forEach(d -> direct.add(Pep508.normalize(Nodes.text(d, "name")))));
        }
        var entries = new ArrayList<ManifestEntry>();
        var indexes = new ArrayList<PackageIndex>();
        Map<String, Boolean> seenRegistries = new HashMap<>();
        for (int i = 0; i < packages.size(); i++) {
            JsonNode p = packages.get(i);
            if (isProject(p)) continue;
            int line = TomlDocument.nth(lines, i);
            String name = Nodes.text(p, "name");
            String version = Nodes.text(p, "version");
            if (name.isEmpty()) throw new ManifestException(file, line, "package.name", "missing");
            var source = new Dependency.Source(file.toString(), line);
            JsonNode src = p.path("source");
            String registry = Nodes.text(src, "registry");
            if (!registry.isEmpty() && seenRegistries.put(registry, true) == null && !registry.startsWith("https://pypi.org/")) {
                indexes.add(new PackageIndex(PackageIndex.Kind.PRIMARY, registry, source));
            }
            Optional<String> origin = Optional.empty();
            if (!Nodes.text(src, "git").isEmpty()) origin = Optional.of("git+" + Nodes.text(src, "git"));
            else if (!Nodes.text(src, "url").isEmpty()) origin = Optional.of(Nodes.text(src, "url"));
            else if (!Nodes.text(src, "path").isEmpty()) origin = Optional.of("file:" + Nodes.text(src, "path"));
            var hashes = new ArrayList<String>();
            addHash(hashes, Nodes.text(p.path("sdist"), "hash"));
            for (JsonNode w : Nodes.array(p, "wheels")) addHash(hashes, Nodes.text(w, "hash"));
            String key = Pep508.normalize(name);
            DependencyScope scope = dev.contains(key) && !direct.contains(key) ? DependencyScope.DEVELOPMENT : DependencyScope.REQUIRED;
            entries.add(new ManifestEntry(new Dependency(Ecosystem.PYPI, name,
                    version.isEmpty() ? Optional.empty() : Optional.of(version), version.isEmpty() ? "" : "==" + version,
                    hashes, source, direct.contains(key) || dev.contains(key), origin), scope, "", List.of(), false));
        }
        return Manifest.of(file, ManifestFormat.UV_LOCK, entries, indexes, true);
    }

    private static boolean isProject(JsonNode p) {
        JsonNode src = p.path("source");
        return src.has("virtual") || src.has("editable");
    }

    private static void addHash(List<String> hashes, String hash) {
        if (!hash.isEmpty() && !hashes.contains(hash)) hashes.add(hash);
    }
}
