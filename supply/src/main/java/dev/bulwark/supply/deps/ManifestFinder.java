package dev.bulwark.supply.deps;

import dev.bulwark.supply.deps.manifest.ManifestFormat;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds manifests under the given paths by file name. Directories are walked without following links, skipping
 * hidden folders, {@code node_modules} (its packages are in the lock file), virtual environments and caches; the
 * depth and the number of manifests are bounded. A file given directly must have a name we read.
 */
final class ManifestFinder {
    private static final Set<String> SKIPPED = Set.of("node_modules", "__pycache__", "site-packages", "venv", "env",
            "bower_components");
    static final int MAX_DEPTH = 32;

    private final int maxManifests;

    ManifestFinder(int maxManifests) {
        this.maxManifests = maxManifests;
    }

    record Found(List<Path> manifests, List<String> problems) {
    }

    Found find(List<Path> roots) throws IOException {
        var found = new LinkedHashSet<Path>();
        var problems = new ArrayList<String>();
        for (Path root : roots) {
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(root + ": no such file or directory");
            } else if (Files.isDirectory(root)) {
                walk(root, found, problems);
            } else if (ManifestFormat.byFileName(root).isPresent()) {
                found.add(root);
            } else {
                problems.add(root + ": not a manifest this scanner reads (requirements*.txt, pyproject.toml, poetry.lock,"
                        + " Pipfile.lock, uv.lock, pylock.toml, environment.yml, package-lock.json, pom.xml)");
            }
        }
        return new Found(List.copyOf(found), problems);
    }

    private void walk(Path root, Set<Path> found, List<String> problems) throws IOException {
        Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) return FileVisitResult.CONTINUE;
                String name = dir.getFileName().toString();
                if (name.startsWith(".") || SKIPPED.contains(name) || Files.exists(dir.resolve("pyvenv.cfg"))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && ManifestFormat.byFileName(file).isPresent()) {
                    if (found.size() >= maxManifests) {
                        problems.add(root + ": more than " + maxManifests + " manifests; the rest were not read");
                        return FileVisitResult.TERMINATE;
                    }
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                problems.add(file + ": cannot read (" + e.getClass().getSimpleName() + ")");
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
