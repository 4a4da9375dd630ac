package dev.bulwark.core.scope;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulwark.core.Classification;
import dev.bulwark.core.config.FieldPath;
import dev.bulwark.core.config.Problems;
import dev.bulwark.core.tls.TrustedCertificates;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link Scope} from a schema-valid, variable-expanded tree and runs the cross-reference checks
 * (unique ids, asset references, hosts) that a schema cannot express.
 */
final class ScopeMapper {
    private final Problems problems;

    private ScopeMapper(Problems problems) {
        this.problems = problems;
    }

    static Scope map(Path source, JsonNode root, Problems problems) {
        return new ScopeMapper(problems).scope(source, root);
    }

    private Scope scope(Path source, JsonNode root) {
        JsonNode engagement = root.get("engagement");
        RulesOfEngagement rules = RulesMapper.map(root.get("rules"), problems);
        List<Asset> assets = assets(Nodes.array(root, "assets"));
        Set<String> assetIds = new LinkedHashSet<>();
        assets.forEach(a -> assetIds.add(a.id()));
        TargetMapper targetMapper = new TargetMapper(rules, assetIds, problems, baseFolder(source));
        List<Target> targets = new ArrayList<>();
        JsonNode targetNodes = Nodes.array(root, "targets");
        uniqueIds(targetNodes, "targets");
        for (int i = 0; i < targetNodes.size(); i++) {
            targetMapper.map(targetNodes.get(i), FieldPath.index("targets", i)).ifPresent(targets::add);
        }
        List<ThreatActor> actors = Nodes.texts(root, "threatActors").stream()
                .map(a -> ThreatActor.valueOf(enumName(a))).toList();
        List<Scope.TrustBoundary> boundaries = new ArrayList<>();
        Nodes.array(root, "trustBoundaries").forEach(b -> boundaries.add(new Scope.TrustBoundary(
                b.get("from").asText(), b.get("to").asText(), Nodes.text(b, "description", ""))));
        return new Scope(source,
                new Scope.Engagement(engagement.get("name").asText(), Nodes.text(engagement, "owner", "")),
                rules, assets, targets, actors, boundaries, probes(source, root),
                judge(root.get("judge"), targetMapper),
                TrustedCertificates.read(Nodes.texts(root.path("tls"), "trustedCertificates"), baseFolder(source),
                        "tls.trustedCertificates", problems));
    }

    /** {@code judge:}: its URL is checked like a target's (http(s), no credentials in it, host on the allow-list). */
    private java.util.Optional<JudgeEndpoint> judge(JsonNode node, TargetMapper targetMapper) {
        if (node == null || node.isNull()) return java.util.Optional.empty();
        java.util.Optional<java.net.URI> url = targetMapper.url(node.get("url").asText(), "judge.url");
        java.util.Optional<Auth> auth = targetMapper.auth(node.get("auth"), "judge.auth");
        int maxCalls = node.path("maxCallsPerCheck").asInt(JudgeEndpoint.DEFAULT_MAX_CALLS_PER_CHECK);
        return url.map(u -> new JudgeEndpoint(u, node.get("model").asText(), auth, maxCalls));
    }

    private List<Asset> assets(JsonNode nodes) {
        uniqueIds(nodes, "assets");
        List<Asset> assets = new ArrayList<>();
        nodes.forEach(a -> assets.add(new Asset(a.get("id").asText(),
                Asset.AssetKind.valueOf(enumName(a.get("kind").asText())),
                Classification.valueOf(enumName(a.get("classification").asText())),
                Nodes.text(a, "description", ""))));
        return assets;
    }

    private void uniqueIds(JsonNode nodes, String listPath) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            String id = nodes.get(i).get("id").asText();
            Integer earlier = first.putIfAbsent(id, i);
            if (earlier != null) {
                problems.add(FieldPath.child(FieldPath.index(listPath, i), "id"),
                        "duplicate id '" + id + "' (also " + FieldPath.index(listPath, earlier) + ")");
            }
        }
    }

    /** {@code probes:} relative to the scope file's folder; it must be a folder (checked here, before any request). */
    /** The folder relative paths in the scope are resolved against: the scope file's, else the working folder. */
    private static Path baseFolder(Path source) {
        return source == null || source.toAbsolutePath().getParent() == null
                ? Path.of("").toAbsolutePath() : source.toAbsolutePath().getParent();
    }

    private java.util.Optional<Path> probes(Path source, JsonNode root) {
        JsonNode node = root.get("probes");
        if (node == null || node.isNull()) return java.util.Optional.empty();
        Path base = source == null || source.toAbsolutePath().getParent() == null
                ? Path.of("") : source.toAbsolutePath().getParent();
        Path folder;
        try {
            folder = base.resolve(node.asText()).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            problems.add("probes", "not a usable path: " + e.getReason());
            return java.util.Optional.empty();
        }
        if (!java.nio.file.Files.isDirectory(folder)) {
            problems.add("probes", "no such folder: " + folder);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(folder);
    }

    /** Schema enum spellings (model-api, nation-state) to Java constants. */
    private static String enumName(String value) {
        return value.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
