package dev.bulwark.supply.deps.manifest;

import com.fasterxml.jackson.core.JsonFactory;
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
 * {@code Pipfile.lock} (JSON): the {@code default} and {@code develop} sections with each package's version
 * ({@code "==1.2.3"}), hashes, markers and index, git/file/path sources, and the {@code _meta.sources} indexes.
 */
final class PipfileLockParser implements ManifestParser {
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public Manifest parse(Path file, ManifestLimits limits) throws IOException, ManifestException {
        LocatedTree tree = LocatedTree.parse(JSON, file, ManifestText.read(file, limits), limits);
        JsonNode root = tree.root();
        if (!root.isObject()) throw new ManifestException(file, 1, "", "expected a JSON object");
        var indexes = new ArrayList<PackageIndex>();
        JsonNode sources = Nodes.path(root, "_meta", "sources");
        for (JsonNode s : sources.isArray() ? sources : List.<JsonNode>of()) {
            String url = Nodes.text(s, "url");
            if (!url.isEmpty()) indexes.add(new PackageIndex(PackageIndex.Kind.PRIMARY, url,
                    new Dependency.Source(file.toString(), tree.line(s))));
        }
        var entries = new ArrayList<ManifestEntry>();
        section(file, tree, root.path("default"), DependencyScope.REQUIRED, entries, limits);
        section(file, tree, root.path("develop"), DependencyScope.DEVELOPMENT, entries, limits);
        return Manifest.of(file, ManifestFormat.PIPFILE_LOCK, entries, indexes, true);
    }

    private static void section(Path file, LocatedTree tree, JsonNode section, DependencyScope scope,
                                List<ManifestEntry> entries, ManifestLimits limits) throws ManifestException {
        if (section.isMissingNode()) return;
        if (!section.isObject()) throw new ManifestException(file, tree.line(section), scope == DependencyScope.REQUIRED ? "default" : "develop", "expected an object");
        for (Map.Entry<String, JsonNode> e : section.properties()) {
            String name = e.getKey();
            JsonNode p = e.getValue();
            int line = tree.line(p);
            String field = (scope == DependencyScope.REQUIRED ? "default." : "develop.") + name;
            if (!p.isObject()) throw new ManifestException(file, line, field, "expected an object");
            if (entries.size() >= limits.maxEntries()) throw new ManifestException(file, line, field, "more than " + limits.maxEntries() + " packages");
            String specifier = Nodes.text(p, "version");
            String spec;
            try {
                spec = Pep508.specifier(specifier, name);
            } catch (IllegalArgumentException bad) {
                throw new ManifestException(file, line, field + ".version", bad.getMessage(), bad);
            }
            var hashes = new ArrayList<String>();
            for (JsonNode h : Nodes.array(p, "hashes")) hashes.add(h.asText());
            Optional<String> origin = Optional.empty();
            if (!Nodes.text(p, "git").isEmpty()) {
                String ref = Nodes.text(p, "ref");
                origin = Optional.of("git+" + Nodes.text(p, "git") + (ref.isEmpty() ? "" : "@" + ref));
            } else if (!Nodes.text(p, "file").isEmpty()) {
                origin = Optional.of(Nodes.text(p, "file"));
            } else if (!Nodes.text(p, "path").isEmpty()) {
                origin = Optional.of("file:" + Nodes.text(p, "path"));
            }
            entries.add(new ManifestEntry(new Dependency(Ecosystem.PYPI, name, Pep508.pinnedVersion(spec), spec, hashes,
                    new Dependency.Source(file.toString(), line), false, origin), scope, Nodes.text(p, "markers"),
                    Nodes.array(p, "extras").stream().map(JsonNode::asText).toList(), Nodes.flag(p, "editable")));
        }
    }
}
