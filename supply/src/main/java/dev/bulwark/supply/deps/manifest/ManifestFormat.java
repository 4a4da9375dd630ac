package dev.bulwark.supply.deps.manifest;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/** The manifest and lock-file formats we read, recognised by file name, each with its parser. */
public enum ManifestFormat {
    REQUIREMENTS("requirements.txt", n -> n.endsWith(".txt") && (n.startsWith("requirements") || n.endsWith("-requirements.txt")
            || n.endsWith("_requirements.txt")), new RequirementsParser()),
    PYPROJECT("pyproject.toml", n -> n.equals("pyproject.toml"), new PyprojectParser()),
    POETRY_LOCK("poetry.lock", n -> n.equals("poetry.lock"), new PoetryLockParser()),
    PIPFILE_LOCK("Pipfile.lock", n -> n.equals("pipfile.lock"), new PipfileLockParser()),
    UV_LOCK("uv.lock", n -> n.equals("uv.lock"), new UvLockParser()),
    PYLOCK("pylock.toml", n -> n.equals("pylock.toml") || (n.startsWith("pylock.") && n.endsWith(".toml")), new PylockParser()),
    CONDA_ENVIRONMENT("environment.yml", n -> n.equals("environment.yml") || n.equals("environment.yaml"),
            new CondaEnvironmentParser()),
    PACKAGE_LOCK("package-lock.json", n -> n.equals("package-lock.json") || n.equals("npm-shrinkwrap.json"),
            new PackageLockParser()),
    POM("pom.xml", n -> n.equals("pom.xml"), new PomParser());

    private final String displayName;
    private final Predicate<String> lowerCaseName;
    private final ManifestParser parser;

    ManifestFormat(String displayName, Predicate<String> lowerCaseName, ManifestParser parser) {
        this.displayName = displayName;
        this.lowerCaseName = lowerCaseName;
        this.parser = parser;
    }

    /** The canonical file name, for reports. */
    public String displayName() {
        return displayName;
    }

    public ManifestParser parser() {
        return parser;
    }

    /** The format a file's name says it holds, when it is one we read. */
    public static Optional<ManifestFormat> byFileName(Path file) {
        Path name = file.getFileName();
        if (name == null) return Optional.empty();
        String n = name.toString().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.lowerCaseName.test(n)).findFirst();
    }

    /** Reads {@code file} with this format's parser. */
    public Manifest parse(Path file, ManifestLimits limits) throws java.io.IOException, ManifestException {
        return parser.parse(file, limits);
    }
}
