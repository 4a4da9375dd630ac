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
import java.util.regex.Pattern;

/**
 * {@code pyproject.toml}: PEP 621 {@code [project]} dependencies and optional-dependencies, PEP 735
 * {@code [dependency-groups]}, and Poetry's {@code [tool.poetry.dependencies]}, dev-dependencies and groups with
 * caret / tilde / wildcard / exact specs, multiple-constraint lists, and git, path and URL dependencies.
 */
final class PyprojectParser implements ManifestParser {
    /** Poetry reads a bare version ("1.2.3") as exactly that version. */
    private static final Pattern BARE_VERSION = Pattern.compile("^[0-9][A-Za-z0-9.+!_-]*$");

    @Override
    public Manifest parse(Path file, ManifestLimits limits) throws IOException, ManifestException {
        TomlDocument doc = TomlDocument.read(file, limits);
        var entries = new ArrayList<ManifestEntry>();
        JsonNode project = doc.root().path("project");
        int projectLine = doc.tableLine("project");
        pep508List(doc, project.path("dependencies"), "project.dependencies", projectLine, DependencyScope.REQUIRED, entries);
        for (Map.Entry<String, JsonNode> extra : project.path("optional-dependencies").properties()) {
            pep508List(doc, extra.getValue(), "project.optional-dependencies." + extra.getKey(),
                    Math.max(projectLine, doc.tableLine("project.optional-dependencies")), DependencyScope.OPTIONAL, entries);
        }
        int groupsLine = doc.tableLine("dependency-groups");
        for (Map.Entry<String, JsonNode> group : doc.root().path("dependency-groups").properties()) {
            pep508List(doc, group.getValue(), "dependency-groups." + group.getKey(), groupsLine, DependencyScope.DEVELOPMENT, entries);
        }
        JsonNode poetry = doc.root().path("tool").path("poetry");
        poetryTable(doc, poetry.path("dependencies"), "tool.poetry.dependencies", DependencyScope.REQUIRED, entries);
        poetryTable(doc, poetry.path("dev-dependencies"), "tool.poetry.dev-dependencies", DependencyScope.DEVELOPMENT, entries);
        for (Map.Entry<String, JsonNode> group : poetry.path("group").properties()) {
            DependencyScope scope = group.getKey().equals("main") ? DependencyScope.REQUIRED : DependencyScope.DEVELOPMENT;
            poetryTable(doc, group.getValue().path("dependencies"), "tool.poetry.group." + group.getKey() + ".dependencies", scope, entries);
        }
        var indexes = new ArrayList<PackageIndex>();
        for (JsonNode source : Nodes.array(poetry, "source")) {
            String url = Nodes.text(source, "url");
            String priority = Nodes.text(source, "priority");
            if (url.isEmpty()) continue;
            // "supplemental" (and the older secondary=true) sources are searched after PyPI for every package
            boolean extra = priority.equals("supplemental") || priority.equals("secondary") || Nodes.flag(source, "secondary");
            indexes.add(new PackageIndex(extra ? PackageIndex.Kind.EXTRA : PackageIndex.Kind.PRIMARY, url,
                    new Dependency.Source(file.toString(), doc.lineContaining(url, 1, 0))));
        }
        if (entries.size() > limits.maxEntries()) throw new ManifestException(file, 0, "", "more than " + limits.maxEntries() + " dependencies");
        return Manifest.of(file, ManifestFormat.PYPROJECT, entries, indexes, false);
    }

    private static void pep508List(TomlDocument doc, JsonNode list, String field, int sectionLine, DependencyScope scope,
                                   List<ManifestEntry> out) throws ManifestException {
        if (list.isMissingNode()) return;
        if (!list.isArray()) throw new ManifestException(doc.file(), sectionLine, field, "expected a list of requirement strings");
        for (JsonNode item : list) {
            if (item.isObject()) continue; // a PEP 735 {include-group = "…"}
            String text = item.asText();
            int line = doc.lineContaining(quoted(text), sectionLine, sectionLine);
            Pep508.Requirement r;
            try {
                r = Pep508.parse(text);
            } catch (IllegalArgumentException e) {
                throw new ManifestException(doc.file(), line, field, e.getMessage(), e);
            }
            out.add(new ManifestEntry(new Dependency(Ecosystem.PYPI, r.name(), r.pinnedVersion(), r.specifier(), List.of(),
                    new Dependency.Source(doc.file().toString(), line), true,
                    r.url().isEmpty() ? Optional.empty() : Optional.of(r.url())), scope, r.markers(), r.extras(), false));
        }
    }

    private static void poetryTable(TomlDocument doc, JsonNode table, String field, DependencyScope scope,
                                    List<ManifestEntry> out) throws ManifestException {
        if (table.isMissingNode()) return;
        int sectionLine = doc.tableLine(field);
        if (!table.isObject()) throw new ManifestException(doc.file(), sectionLine, field, "expected a table");
        for (Map.Entry<String, JsonNode> e : table.properties()) {
            String name = e.getKey();
            if (name.equalsIgnoreCase("python")) continue; // the interpreter, not a package
            int line = doc.lineContaining(name, Math.max(1, sectionLine), sectionLine);
            JsonNode spec = e.getValue();
            // a list of constraints for different markers: each is its own declaration
            List<JsonNode> specs = new ArrayList<>();
            if (spec.isArray()) spec.forEach(specs::add);
            else specs.add(spec);
            for (JsonNode s : specs) out.add(poetryEntry(doc, field + "." + name, name, s, line, scope));
        }
    }

    private static ManifestEntry poetryEntry(TomlDocument doc, String field, String name, JsonNode spec, int line,
                                             DependencyScope scope) throws ManifestException {
        var source = new Dependency.Source(doc.file().toString(), line);
        if (spec.isValueNode()) return poetryVersion(name, spec.asText(), source, scope, "", List.of());
        if (!spec.isObject()) throw new ManifestException(doc.file(), line, field, "expected a version string or a table");
        List<String> extras = Nodes.array(spec, "extras").stream().map(JsonNode::asText).toList();
        String markers = Nodes.text(spec, "markers");
        if (Nodes.flag(spec, "optional")) scope = DependencyScope.OPTIONAL;
        String git = Nodes.text(spec, "git");
        if (!git.isEmpty()) {
            String ref = Nodes.text(spec, "rev");
            if (ref.isEmpty()) ref = Nodes.text(spec, "tag");
            if (ref.isEmpty()) ref = Nodes.text(spec, "branch");
            String origin = (git.startsWith("git+") ? git : "git+" + git) + (ref.isEmpty() ? "" : "@" + ref);
            return new ManifestEntry(new Dependency(Ecosystem.PYPI, name, Optional.empty(), "", List.of(), source, true,
                    Optional.of(origin)), scope, markers, extras, false);
        }
        for (String key : List.of("url", "path")) {
            String where = Nodes.text(spec, key);
            if (!where.isEmpty()) {
                return new ManifestEntry(new Dependency(Ecosystem.PYPI, name, Optional.empty(), "", List.of(), source, true,
                        Optional.of(key.equals("path") ? "file:" + where : where)), scope, markers, extras,
                        Nodes.flag(spec, "develop"));
            }
        }
        return poetryVersion(name, Nodes.text(spec, "version"), source, scope, markers, extras);
    }

    private static ManifestEntry poetryVersion(String name, String version, Dependency.Source source, DependencyScope scope,
                                               String markers, List<String> extras) {
        String v = version.strip();
        Optional<String> exact = Optional.empty();
        if (BARE_VERSION.matcher(v).matches()) exact = Optional.of(v);
        else if (v.startsWith("==") && BARE_VERSION.matcher(v.substring(2).strip()).matches()) exact = Optional.of(v.substring(2).strip());
        return new ManifestEntry(new Dependency(Ecosystem.PYPI, name, exact, v.equals("*") ? "" : v, List.of(), source, true,
                Optional.empty()), scope, markers, extras, false);
    }

    private static String quoted(String text) {
        return text.length() > 40 ? text.substring(0, 40) : text;
    }
}
