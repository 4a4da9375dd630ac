package dev.bulwark.supply.sbom;

import dev.bulwark.supply.deps.Dependency;
import dev.bulwark.supply.deps.manifest.DependencyScope;
import dev.bulwark.supply.deps.manifest.Manifest;
import dev.bulwark.supply.deps.manifest.ManifestEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * Builds a CycloneDX 1.6 SBOM / ML-BOM: one library component per package (purl, hashes, scope, whether it is a
 * direct dependency, where it is declared), one machine-learning-model component per model file (SHA-256, format,
 * framework, the risks found), and the project's direct dependencies in the dependency graph. Constraint-only
 * entries (pip -c, Maven dependencyManagement) install nothing and are left out. Not thread-safe; build once.
 */
public final class SbomBuilder {
    static final String PROPERTY_PREFIX = "bulwark:";
    private static final String ROOT_REF = "project";

    private final String toolName;
    private final String toolVersion;
    private final String projectName;
    private final Map<String, Component> libraries = new LinkedHashMap<>();
    private final List<String> direct = new ArrayList<>();
    private final List<Component> models = new ArrayList<>();
    private Instant timestamp = Instant.now();

    public SbomBuilder(String toolName, String toolVersion, String projectName) {
        this.toolName = toolName;
        this.toolVersion = toolVersion;
        this.projectName = projectName == null || projectName.isBlank() ? "project" : projectName;
    }

    /** A fixed timestamp (tests and reproducible output). */
    public SbomBuilder timestamp(Instant when) {
        this.timestamp = when;
        return this;
    }

    public SbomBuilder addManifests(List<Manifest> manifests) {
        manifests.forEach(m -> m.entries().forEach(this::addLibrary));
        return this;
    }

    public SbomBuilder addLibrary(ManifestEntry entry) {
        if (entry.scope() == DependencyScope.CONSTRAINT) return this;
        Dependency d = entry.dependency();
        Optional<String> purl = Purls.of(d);
        String ref = purl.orElse(d.ecosystem().purlType() + ":" + d.name() + "@" + d.version().orElse(d.specifier()));
        Component existing = libraries.get(ref);
        if (existing != null) {
            existing.addProperty(new Property(PROPERTY_PREFIX + "source", source(d)));
            if (d.direct() && !direct.contains(ref)) direct.add(ref);
            return this;
        }
        var c = new Component();
        c.setType(Component.Type.LIBRARY);
        c.setBomRef(ref);
        setName(c, d);
        d.version().ifPresent(c::setVersion);
        purl.ifPresent(p -> c.setPurl(p));
        c.setScope(scope(entry.scope()));
        var hashes = d.hashes().stream().map(SbomBuilder::hash).flatMap(Optional::stream).toList();
        if (!hashes.isEmpty()) c.setHashes(new ArrayList<>(hashes));
        var props = new ArrayList<Property>();
        props.add(new Property(PROPERTY_PREFIX + "direct", String.valueOf(d.direct())));
        props.add(new Property(PROPERTY_PREFIX + "scope", entry.scope().name().toLowerCase(Locale.ROOT)));
        if (d.version().isEmpty() && !d.specifier().isEmpty()) props.add(new Property(PROPERTY_PREFIX + "specifier", d.specifier()));
        d.origin().ifPresent(o -> props.add(new Property(PROPERTY_PREFIX + "origin", o)));
        props.add(new Property(PROPERTY_PREFIX + "source", source(d)));
        c.setProperties(props);
        libraries.put(ref, c);
        if (d.direct()) direct.add(ref);
        return this;
    }

    /** Adds a model file as a machine-learning-model component; the model scanner feeds these. */
    public SbomBuilder addModel(ModelComponent model) {
        var c = new Component();
        c.setType(Component.Type.MACHINE_LEARNING_MODEL);
        c.setBomRef("model:" + (model.sha256().isEmpty() ? model.path() : model.sha256() + ":" + model.path()));
        c.setName(model.name());
        if (!model.sha256().isEmpty()) c.setHashes(new ArrayList<>(List.of(new Hash(Hash.Algorithm.SHA_256, model.sha256().toLowerCase(Locale.ROOT)))));
        var props = new ArrayList<Property>();
        props.add(new Property(PROPERTY_PREFIX + "path", model.path()));
        if (!model.format().isEmpty()) props.add(new Property(PROPERTY_PREFIX + "model:format", model.format()));
        if (!model.framework().isEmpty()) props.add(new Property(PROPERTY_PREFIX + "model:framework", model.framework()));
        model.risks().forEach(r -> props.add(new Property(PROPERTY_PREFIX + "risk", r)));
        props.add(new Property(PROPERTY_PREFIX + "risks", String.valueOf(model.risks().size())));
        c.setProperties(props);
        models.add(c);
        return this;
    }

    public Bom build() {
        var bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes((projectName + timestamp).getBytes(StandardCharsets.UTF_8)));
        var metadata = new Metadata();
        metadata.setTimestamp(Date.from(timestamp));
        var tool = new Component();
        tool.setType(Component.Type.APPLICATION);
        tool.setName(toolName);
        tool.setVersion(toolVersion);
        var tools = new ToolInformation();
        tools.setComponents(new ArrayList<>(List.of(tool)));
        metadata.setToolChoice(tools);
        var project = new Component();
        project.setType(Component.Type.APPLICATION);
        project.setName(projectName);
        project.setBomRef(ROOT_REF);
        metadata.setComponent(project);
        bom.setMetadata(metadata);
        var components = new ArrayList<Component>(libraries.values());
        components.addAll(models);
        bom.setComponents(components);
        var root = new org.cyclonedx.model.Dependency(ROOT_REF);
        direct.forEach(ref -> root.addDependency(new org.cyclonedx.model.Dependency(ref)));
        models.forEach(m -> root.addDependency(new org.cyclonedx.model.Dependency(m.getBomRef())));
        bom.setDependencies(new ArrayList<>(List.of(root)));
        return bom;
    }

    public String toJson() {
        try {
            return BomGeneratorFactory.createJson(Version.VERSION_16, build()).toJsonString();
        } catch (GeneratorException e) {
            throw new IllegalStateException("cannot write the SBOM: " + e.getMessage(), e);
        }
    }

    /** Writes the JSON through a temporary file and a move, so a reader never sees half a file. */
    public Path write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".sbom", ".tmp");
        try {
            Files.writeString(tmp, toJson(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return file;
    }

    private static void setName(Component c, Dependency d) {
        int colon = d.name().indexOf(':');
        int slash = d.name().indexOf('/');
        if (d.ecosystem() == dev.bulwark.supply.deps.Ecosystem.MAVEN && colon > 0) {
            c.setGroup(d.name().substring(0, colon));
            c.setName(d.name().substring(colon + 1));
        } else if (d.ecosystem() == dev.bulwark.supply.deps.Ecosystem.NPM && d.name().startsWith("@") && slash > 0) {
            c.setGroup(d.name().substring(0, slash));
            c.setName(d.name().substring(slash + 1));
        } else {
            c.setName(d.name());
        }
    }

    private static Component.Scope scope(DependencyScope scope) {
        return switch (scope) {
            case REQUIRED, PROVIDED -> Component.Scope.REQUIRED;
            case OPTIONAL -> Component.Scope.OPTIONAL;
            case DEVELOPMENT, TEST, CONSTRAINT -> Component.Scope.EXCLUDED;
        };
    }

    private static String source(Dependency d) {
        return d.source().file() + (d.source().line() > 0 ? ":" + d.source().line() : "");
    }

    /** "sha256:hex" as a CycloneDX hash; algorithms CycloneDX does not know are dropped. */
    static Optional<Hash> hash(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) return Optional.empty();
        String digest = text.substring(colon + 1).toLowerCase(Locale.ROOT);
        if (!digest.matches("[0-9a-f]{32,128}")) return Optional.empty();
        Hash.Algorithm alg = switch (text.substring(0, colon).toLowerCase(Locale.ROOT)) {
            case "md5" -> Hash.Algorithm.MD5;
            case "sha1" -> Hash.Algorithm.SHA1;
            case "sha256" -> Hash.Algorithm.SHA_256;
            case "sha384" -> Hash.Algorithm.SHA_384;
            case "sha512" -> Hash.Algorithm.SHA_512;
            default -> null;
        };
        return alg == null ? Optional.empty() : Optional.of(new Hash(alg, digest));
    }
}
