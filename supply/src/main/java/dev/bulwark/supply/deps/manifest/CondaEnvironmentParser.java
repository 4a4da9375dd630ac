package dev.bulwark.supply.deps.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bulwark.supply.deps.Dependency;
import dev.bulwark.supply.deps.Ecosystem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Conda {@code environment.yml}: channels, conda match specs ({@code name}, {@code name=1.2}, {@code name==1.2},
 * {@code name=1.2.3=build}, {@code channel::name>=1}, {@code name 1.2 build}) and the nested {@code pip:} list, read
 * with the requirements-file rules. {@code name=1.2.3} is a prefix match in conda; we take it as that version,
 * which is what an environment export pins.
 */
final class CondaEnvironmentParser implements ManifestParser {
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .loaderOptions(loaderOptions()).build();
    private static final Pattern SPEC = Pattern.compile(
            "^(?:([A-Za-z0-9_./:-]+)::)?([A-Za-z0-9][A-Za-z0-9._-]*)(?:\\[[^]]*])?\\s*(.*)$");
    private static final Pattern EXACT = Pattern.compile("^(?:==?)?\\s*([0-9][A-Za-z0-9._+!]*)(?:[=\\s]+\\S+)?$");

    private static org.yaml.snakeyaml.LoaderOptions loaderOptions() {
        var options = new org.yaml.snakeyaml.LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(100);
        options.setCodePointLimit(64 << 20);
        return options;
    }

    @Override
    public Manifest parse(Path file, ManifestLimits limits) throws IOException, ManifestException {
        LocatedTree tree = LocatedTree.parse(YAML, file, ManifestText.read(file, limits), limits);
        JsonNode root = tree.root();
        if (!root.isObject()) throw new ManifestException(file, 1, "", "expected a YAML mapping");
        var indexes = new ArrayList<PackageIndex>();
        int channelsLine = tree.line(root.path("channels"));
        for (JsonNode c : Nodes.array(root, "channels")) {
            indexes.add(new PackageIndex(PackageIndex.Kind.CHANNEL, c.asText(), new Dependency.Source(file.toString(), channelsLine)));
        }
        JsonNode deps = root.path("dependencies");
        if (!deps.isMissingNode() && !deps.isArray()) throw new ManifestException(file, tree.line(deps), "dependencies", "expected a list");
        var entries = new ArrayList<ManifestEntry>();
        var included = new ArrayList<Path>();
        var notes = new ArrayList<String>();
        for (JsonNode d : deps.isArray() ? deps : List.<JsonNode>of()) {
            int line = tree.line(d);
            if (d.isObject() && d.has("pip")) {
                JsonNode pip = d.get("pip");
                if (!pip.isArray()) throw new ManifestException(file, tree.line(d), "dependencies.pip", "expected a list");
                var lines = new ArrayList<LogicalLine>();
                for (JsonNode r : pip) lines.add(new LogicalLine(tree.line(r), r.asText()));
                Manifest pipPart = new RequirementsParser().parseLines(file, lines, limits);
                entries.addAll(pipPart.entries());
                indexes.addAll(pipPart.indexes());
                included.addAll(pipPart.included());
                notes.addAll(pipPart.notes());
                continue;
            }
            if (!d.isValueNode()) throw new ManifestException(file, line, "dependencies", "expected a package spec or a pip: list");
            entries.add(conda(file, line, d.asText(), indexes));
            if (entries.size() > limits.maxEntries()) throw new ManifestException(file, line, "dependencies", "more than " + limits.maxEntries() + " packages");
        }
        return new Manifest(file, ManifestFormat.CONDA_ENVIRONMENT, entries, indexes, false, included, notes);
    }

    private static ManifestEntry conda(Path file, int line, String spec, List<PackageIndex> indexes) throws ManifestException {
        Matcher m = SPEC.matcher(spec.strip());
        if (!m.matches()) throw new ManifestException(file, line, "dependencies", "bad conda package spec '" + Pep508.clip(spec) + "'");
        String name = m.group(2);
        String constraint = m.group(3).strip();
        Optional<String> version = Optional.empty();
        Matcher exact = EXACT.matcher(constraint);
        if (exact.matches() && !constraint.contains("*")) version = Optional.of(exact.group(1));
        var source = new Dependency.Source(file.toString(), line);
        if (m.group(1) != null) indexes.add(new PackageIndex(PackageIndex.Kind.CHANNEL, m.group(1), source));
        return ManifestEntry.of(new Dependency(Ecosystem.CONDA, name, version, constraint, List.of(), source, true,
                Optional.empty()), DependencyScope.REQUIRED);
    }
}
