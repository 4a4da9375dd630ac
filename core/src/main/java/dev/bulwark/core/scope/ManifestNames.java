package dev.bulwark.core.scope;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Dependency manifests and lock files, recognised by name; the value is the package ecosystem. */
final class ManifestNames {
    private static final Map<String, String> EXACT = Map.ofEntries(
            Map.entry("pyproject.toml", "pypi"), Map.entry("poetry.lock", "pypi"), Map.entry("pipfile", "pypi"),
            Map.entry("pipfile.lock", "pypi"), Map.entry("environment.yml", "conda"), Map.entry("environment.yaml", "conda"),
            Map.entry("setup.py", "pypi"), Map.entry("uv.lock", "pypi"),
            Map.entry("package.json", "npm"), Map.entry("package-lock.json", "npm"),
            Map.entry("pom.xml", "maven"), Map.entry("build.gradle", "maven"), Map.entry("build.gradle.kts", "maven"),
            Map.entry("go.mod", "go"), Map.entry("cargo.toml", "cargo"), Map.entry("cargo.lock", "cargo"));

    private ManifestNames() {
    }

    static Optional<String> ecosystem(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.startsWith("requirements") && lower.endsWith(".txt")) return Optional.of("pypi");
        return Optional.ofNullable(EXACT.get(lower));
    }
}
