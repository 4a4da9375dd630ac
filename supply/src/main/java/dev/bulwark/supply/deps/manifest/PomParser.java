package dev.bulwark.supply.deps.manifest;

import dev.bulwark.supply.deps.Dependency;
import dev.bulwark.supply.deps.Ecosystem;
import dev.bulwark.supply.deps.manifest.XmlTree.Element;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maven {@code pom.xml}: {@code dependencies}, {@code dependencyManagement} and profile dependencies, with
 * {@code ${property}} references resolved from {@code properties} and the project / parent coordinates. A direct
 * dependency without a version takes the managed one; a version that stays unresolved (it lives in a parent POM we
 * do not fetch) is left empty and reported as a note. Names are "groupId:artifactId".
 */
final class PomParser implements ManifestParser {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]{1,200})}");
    private static final int MAX_EXPANSIONS = 10;

    @Override
    public Manifest parse(Path file, ManifestLimits limits) throws IOException, ManifestException {
        Element project = XmlTree.parse(file, ManifestText.read(file, limits), limits);
        if (!project.name().equals("project")) throw new ManifestException(file, project.line(), project.name(), "expected <project>");
        Map<String, String> properties = properties(project);
        var notes = new ArrayList<String>();
        Map<String, String> managed = new HashMap<>();
        var entries = new ArrayList<ManifestEntry>();
        for (Element d : dependencies(project.at("dependencyManagement", "dependencies"))) {
            Coordinates c = coordinates(file, d, properties, notes);
            managed.putIfAbsent(c.name(), c.version());
            entries.add(entry(file, d, c, c.version(), DependencyScope.CONSTRAINT, false));
        }
        for (Element d : dependencies(project.at("dependencies"))) {
            Coordinates c = coordinates(file, d, properties, notes);
            String version = c.version().isEmpty() ? managed.getOrDefault(c.name(), "") : c.version();
            entries.add(entry(file, d, c, version, scope(c), true));
        }
        for (Element profile : project.at("profiles").map(p -> p.all("profile")).orElse(List.of())) {
            for (Element d : dependencies(profile.at("dependencies"))) {
                Coordinates c = coordinates(file, d, properties, notes);
                String version = c.version().isEmpty() ? managed.getOrDefault(c.name(), "") : c.version();
                entries.add(entry(file, d, c, version, DependencyScope.OPTIONAL, true));
            }
        }
        if (entries.size() > limits.maxEntries()) throw new ManifestException(file, 0, "dependencies", "more than " + limits.maxEntries() + " dependencies");
        for (ManifestEntry e : entries) {
            if (e.dependency().specifier().isEmpty() && e.scope() != DependencyScope.CONSTRAINT) {
                notes.add(file + ":" + e.dependency().source().line() + ": " + e.dependency().name()
                        + " has no version here (managed by a parent POM or BOM we do not fetch): not checked for advisories");
            }
        }
        return new Manifest(file, ManifestFormat.POM, entries, List.of(), false, List.of(), notes);
    }

    private record Coordinates(String name, String version, String scope, boolean optional, String type) {
    }

    private static List<Element> dependencies(Optional<Element> list) {
        return list.map(l -> l.all("dependency")).orElse(List.of());
    }

    private static Coordinates coordinates(Path file, Element d, Map<String, String> properties, List<String> notes)
            throws ManifestException {
        String group = resolve(file, d, "groupId", properties, notes);
        String artifact = resolve(file, d, "artifactId", properties, notes);
        if (group.isEmpty() || artifact.isEmpty()) {
            throw new ManifestException(file, d.line(), "dependency." + (group.isEmpty() ? "groupId" : "artifactId"), "missing");
        }
        return new Coordinates(group + ":" + artifact, resolve(file, d, "version", properties, notes),
                d.childText("scope"), "true".equals(d.childText("optional")), d.childText("type"));
    }

    private static DependencyScope scope(Coordinates c) {
        if (c.optional()) return DependencyScope.OPTIONAL;
        return switch (c.scope()) {
            case "test" -> DependencyScope.TEST;
            case "provided", "system" -> DependencyScope.PROVIDED;
            case "import" -> DependencyScope.CONSTRAINT;
            default -> DependencyScope.REQUIRED;
        };
    }

    /** A Maven version is a soft requirement for exactly that version; a range ("[1.0,2.0)") pins nothing. */
    private static ManifestEntry entry(Path file, Element d, Coordinates c, String version, DependencyScope scope, boolean direct) {
        boolean range = version.startsWith("[") || version.startsWith("(") || version.contains("${");
        Optional<String> exact = version.isEmpty() || range ? Optional.empty() : Optional.of(version);
        return ManifestEntry.of(new Dependency(Ecosystem.MAVEN, c.name(), exact, version, List.of(),
                new Dependency.Source(file.toString(), d.line()), direct, Optional.empty()), scope);
    }

    private static Map<String, String> properties(Element project) {
        var props = new HashMap<String, String>();
        project.child("properties").ifPresent(p -> p.children().forEach(e -> props.put(e.name(), e.text())));
        String version = project.childText("version");
        String parentVersion = project.at("parent", "version").map(Element::text).orElse("");
        String group = project.childText("groupId");
        String parentGroup = project.at("parent", "groupId").map(Element::text).orElse("");
        put(props, "project.version", version.isEmpty() ? parentVersion : version);
        put(props, "pom.version", version.isEmpty() ? parentVersion : version);
        put(props, "version", version.isEmpty() ? parentVersion : version);
        put(props, "project.groupId", group.isEmpty() ? parentGroup : group);
        put(props, "project.artifactId", project.childText("artifactId"));
        put(props, "project.parent.version", parentVersion);
        put(props, "parent.version", parentVersion);
        put(props, "project.parent.groupId", parentGroup);
        return props;
    }

    private static void put(Map<String, String> props, String key, String value) {
        if (!value.isEmpty()) props.putIfAbsent(key, value);
    }

    /** Replaces ${name} references, repeatedly up to a bound (properties may refer to properties). */
    private static String resolve(Path file, Element d, String field, Map<String, String> properties, List<String> notes) {
        String value = d.childText(field);
        for (int round = 0; round < MAX_EXPANSIONS && value.contains("${"); round++) {
            Matcher m = REFERENCE.matcher(value);
            var out = new StringBuilder();
            boolean changed = false;
            while (m.find()) {
                String replacement = properties.get(m.group(1));
                if (replacement != null) changed = true;
                m.appendReplacement(out, Matcher.quoteReplacement(replacement != null ? replacement : m.group()));
            }
            m.appendTail(out);
            value = out.toString();
            if (value.length() > 1_000) break;
            if (!changed) break;
        }
        if (value.contains("${")) {
            notes.add(file + ":" + d.line() + ": unresolved property in " + field + " '" + Pep508.clip(value) + "'");
        }
        return value;
    }
}
