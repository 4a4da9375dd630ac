package dev.bulwark.supply.deps.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.supply.deps.Dependency;
import dev.bulwark.supply.deps.Ecosystem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code package-lock.json} / {@code npm-shrinkwrap.json}: lockfileVersion 2 and 3 through the {@code packages} map
 * (nested {@code node_modules} paths, aliases via {@code name}, dev/optional flags, resolved URL, integrity), and
 * version 1 through the recursive {@code dependencies} tree. Integrity values become hex hashes ("sha512:…").
 */
final class PackageLockParser implements ManifestParser {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String NODE_MODULES = "node_modules/";

    @Override
    public Manifest parse(Path file, ManifestLimits limits) throws IOException, ManifestException {
        LocatedTree tree = LocatedTree.parse(JSON, file, ManifestText.read(file, limits), limits);
        JsonNode root = tree.root();
        if (!root.isObject()) throw new ManifestException(file, 1, "", "expected a JSON object");
        var entries = new ArrayList<ManifestEntry>();
        JsonNode packages = root.path("packages");
        if (packages.isObject()) {
            fromPackages(file, tree, packages, entries, limits);
        } else {
            JsonNode deps = root.path("dependencies");
            if (!deps.isMissingNode() && !deps.isObject()) throw new ManifestException(file, tree.line(deps), "dependencies", "expected an object");
            fromDependencies(file, tree, deps, entries, limits, 0);
        }
        return Manifest.of(file, ManifestFormat.PACKAGE_LOCK, entries, List.of(), true);
    }

    private static void fromPackages(Path file, LocatedTree tree, JsonNode packages, List<ManifestEntry> entries,
                                     ManifestLimits limits) throws ManifestException {
        JsonNode project = packages.path("");
        Set<String> direct = new HashSet<>();
        for (String group : List.of("dependencies", "devDependencies", "optionalDependencies", "peerDependencies")) {
            project.path(group).fieldNames().forEachRemaining(direct::add);
        }
        for (Map.Entry<String, JsonNode> e : packages.properties()) {
            String path = e.getKey();
            int at = path.lastIndexOf(NODE_MODULES);
            if (path.isEmpty() || at < 0) continue; // the project itself or a workspace folder
            JsonNode p = e.getValue();
            int line = tree.line(p);
            if (!p.isObject()) throw new ManifestException(file, line, "packages." + path, "expected an object");
            if (Nodes.flag(p, "link")) continue; // a symlink to a workspace folder, listed under its own path
            if (entries.size() >= limits.maxEntries()) throw new ManifestException(file, line, "packages", "more than " + limits.maxEntries() + " packages");
            String installedAs = path.substring(at + NODE_MODULES.length());
            String name = Nodes.text(p, "name").isEmpty() ? installedAs : Nodes.text(p, "name");
            boolean topLevel = at == 0;
            entries.add(entry(file, line, name, p, topLevel && direct.contains(installedAs)));
        }
    }

    private static void fromDependencies(Path file, LocatedTree tree, JsonNode deps, List<ManifestEntry> entries,
                                         ManifestLimits limits, int depth) throws ManifestException {
        if (!deps.isObject()) return;
        if (depth > limits.maxNesting()) throw new ManifestException(file, tree.line(deps), "dependencies", "nested deeper than " + limits.maxNesting());
        for (Map.Entry<String, JsonNode> e : deps.properties()) {
            JsonNode p = e.getValue();
            int line = tree.line(p);
            if (!p.isObject()) throw new ManifestException(file, line, "dependencies." + e.getKey(), "expected an object");
            if (entries.size() >= limits.maxEntries()) throw new ManifestException(file, line, "dependencies", "more than " + limits.maxEntries() + " packages");
            String name = e.getKey();
            String version = Nodes.text(p, "version");
            if (version.startsWith("npm:")) { // an alias: "npm:real-name@1.2.3"
                int atSign = version.lastIndexOf('@');
                if (atSign > 4) {
                    name = version.substring(4, atSign);
                    version = version.substring(atSign + 1);
                }
            }
            entries.add(entry(file, line, name, withVersion(p, version), false));
            fromDependencies(file, tree, p.path("dependencies"), entries, limits, depth + 1);
        }
    }

    private static JsonNode withVersion(JsonNode p, String version) {
        if (version.equals(Nodes.text(p, "version"))) return p;
        var copy = ((com.fasterxml.jackson.databind.node.ObjectNode) p).deepCopy();
        copy.put("version", version);
        return copy;
    }

    private static ManifestEntry entry(Path file, int line, String name, JsonNode p, boolean direct) {
        String version = Nodes.text(p, "version");
        String resolved = Nodes.text(p, "resolved");
        Optional<String> origin = Optional.empty();
        if (isNonRegistry(version)) {
            origin = Optional.of(version);
            version = "";
        } else if (!resolved.isEmpty() && isNonRegistry(resolved)) {
            origin = Optional.of(resolved);
        }
        var hashes = new ArrayList<String>();
        String integrity = Nodes.text(p, "integrity");
        for (String part : integrity.split("\\s+")) integrityHash(part).ifPresent(hashes::add);
        DependencyScope scope = Nodes.flag(p, "dev") || Nodes.flag(p, "devOptional") ? DependencyScope.DEVELOPMENT
                : Nodes.flag(p, "optional") ? DependencyScope.OPTIONAL : DependencyScope.REQUIRED;
        return new ManifestEntry(new Dependency(Ecosystem.NPM, name, version.isEmpty() ? Optional.empty() : Optional.of(version),
                version, hashes, new Dependency.Source(file.toString(), line), direct, origin), scope, "", List.of(), false);
    }

    /** git, GitHub shorthand, local file and tarball URLs outside the public registry. */
    private static boolean isNonRegistry(String s) {
        if (s.startsWith("git") || s.startsWith("github:") || s.startsWith("file:") || s.startsWith("link:")) return true;
        return (s.startsWith("http://") || s.startsWith("https://")) && !s.startsWith("https://registry.npmjs.org/")
                && !s.startsWith("https://registry.yarnpkg.com/");
    }

    /** "sha512-BASE64" as "sha512:HEX"; other forms are ignored. */
    static Optional<String> integrityHash(String integrity) {
        int dash = integrity.indexOf('-');
        if (dash <= 0) return Optional.empty();
        try {
            byte[] digest = Base64.getDecoder().decode(integrity.substring(dash + 1).replaceFirst("\\?.*$", ""));
            return Optional.of(Nodes.hash(integrity.substring(0, dash), HexFormat.of().formatHex(digest)));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
