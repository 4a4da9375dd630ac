package dev.bulwark.supply.deps.osv;

import dev.bulwark.supply.deps.Ecosystem;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the offline data lives: {@code <root>/osv/<OSV ecosystem>/}, {@code <root>/kev/}, {@code <root>/epss/}.
 * The root is {@code $BULWARK_CACHE} when set, else {@code ~/.cache/bulwark}.
 */
public record CacheLocation(Path root) {
    public static final String ENV = "BULWARK_CACHE";

    public CacheLocation {
        Objects.requireNonNull(root, "root");
    }

    public static CacheLocation fromEnvironment() {
        return fromEnvironment(System.getenv(), System.getProperty("user.home"));
    }

    static CacheLocation fromEnvironment(Map<String, String> env, String userHome) {
        String override = env.get(ENV);
        if (override != null && !override.isBlank()) return new CacheLocation(Path.of(override.strip()));
        return new CacheLocation(Path.of(userHome, ".cache", "bulwark"));
    }

    public GenerationStore osv(Ecosystem ecosystem) {
        return new GenerationStore(root.resolve("osv").resolve(ecosystem.osvName()));
    }

    public GenerationStore kev() {
        return new GenerationStore(root.resolve("kev"));
    }

    public GenerationStore epss() {
        return new GenerationStore(root.resolve("epss"));
    }
}
