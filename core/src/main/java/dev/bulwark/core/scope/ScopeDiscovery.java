package dev.bulwark.core.scope;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Looks through a project folder for what a scope should cover — model files, dependency manifests, datasets and
 * config naming an LLM endpoint — for {@code bulwark init}. Bounded: depth, file count and bytes read per file are
 * capped; build and tool folders are skipped; symbolic links are followed only to files inside the folder.
 * Nothing found is executed or deserialized; secret values are never kept.
 */
public final class ScopeDiscovery {
    public static final int MAX_DEPTH = 8;
    public static final int MAX_FILES = 20_000;
    /** Per file: enough for magic bytes, a CSV header or a config file's settings. */
    public static final int MAX_READ = 8 * 1024;
    /** More distinct endpoints than this is a URL list, not a project's LLM settings. */
    public static final int MAX_ENDPOINTS = 50;

    private static final Set<String> SKIPPED_DIRS = Set.of(".git", ".hg", ".svn", "node_modules", "target", ".venv",
            "venv", "__pycache__", ".tox", ".mypy_cache", ".pytest_cache", ".gradle", ".idea", "bulwark-report");

    private final int maxDepth;
    private final int maxFiles;

    public ScopeDiscovery() {
        this(MAX_DEPTH, MAX_FILES);
    }

    ScopeDiscovery(int maxDepth, int maxFiles) {
        this.maxDepth = maxDepth;
        this.maxFiles = maxFiles;
    }

    /** Walks {@code dir}; unreadable files and folders are skipped, not fatal. */
    public Discovery discover(Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) throw new IOException(dir + " is not a directory");
        Walk walk = new Walk(root, root.toRealPath());
        Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), maxDepth, walk);
        Comparator<Path> byPath = Comparator.comparing(Path::toString);
        walk.models.sort(Comparator.comparing(Discovery.ModelFile::path, byPath));
        walk.manifests.sort(Comparator.comparing(Discovery.Manifest::path, byPath));
        walk.datasets.sort(Comparator.comparing(Discovery.Dataset::path, byPath));
        // Walk order depends on the file system; sorting first makes "the first sighting" reproducible.
        walk.sightings.sort(Comparator.comparing(Discovery.Endpoint::foundIn, byPath)
                .thenComparingInt(Discovery.Endpoint::line));
        Map<String, Discovery.Endpoint> endpoints = new LinkedHashMap<>();
        for (Discovery.Endpoint e : walk.sightings) {
            if (endpoints.size() < MAX_ENDPOINTS || endpoints.containsKey(e.url().toString())) {
                endpoints.merge(e.url().toString(), e, ScopeDiscovery::richer);
            }
        }
        return new Discovery(root, walk.models, walk.manifests, walk.datasets, List.copyOf(endpoints.values()), walk.files, walk.truncated);
    }

    private final class Walk extends SimpleFileVisitor<Path> {
        final Path root;
        final Path realRoot;
        final List<Discovery.ModelFile> models = new ArrayList<>();
        final List<Discovery.Manifest> manifests = new ArrayList<>();
        final List<Discovery.Dataset> datasets = new ArrayList<>();
        /** Every endpoint seen; the same URL in .env and config.yaml becomes one target. */
        final List<Discovery.Endpoint> sightings = new ArrayList<>();
        int files;
        boolean truncated;

        Walk(Path root, Path realRoot) {
            this.root = root;
            this.realRoot = realRoot;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
            if (d.equals(root)) return FileVisitResult.CONTINUE;
            String name = d.getFileName().toString();
            return SKIPPED_DIRS.contains(name) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isDirectory()) {
                // A folder at the depth limit: its content stays unexamined, and the user should know.
                if (!SKIPPED_DIRS.contains(file.getFileName().toString())) truncated = true;
                return FileVisitResult.CONTINUE;
            }
            Optional<Path> readable = readablePath(file, attrs);
            if (readable.isEmpty()) return FileVisitResult.CONTINUE;
            if (++files > maxFiles) {
                files = maxFiles;
                truncated = true;
                return FileVisitResult.TERMINATE;
            }
            try {
                examine(root.relativize(file), readable.get());
            } catch (IOException | RuntimeException e) {
                // An unreadable or odd file is skipped: discovery is a best-effort starting point, not a scan.
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
        }

        /** Regular files, and symbolic links that resolve to a regular file inside the folder. */
        private Optional<Path> readablePath(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile()) return Optional.of(file);
            if (!attrs.isSymbolicLink()) return Optional.empty();
            try {
                Path real = file.toRealPath();
                return real.startsWith(realRoot) && Files.isRegularFile(real) ? Optional.of(real) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        private void examine(Path rel, Path file) throws IOException {
            String name = file.getFileName().toString();
            Optional<String> ecosystem = ManifestNames.ecosystem(rel.getFileName().toString());
            if (ecosystem.isPresent()) {
                manifests.add(new Discovery.Manifest(rel, ecosystem.get()));
                return;
            }
            long size = Files.size(file);
            if (size == 0) return;
            byte[] head = BoundedFiles.head(file, MAX_READ);
            Optional<String> model = ModelSniffer.sniff(rel.getFileName().toString(), head, size);
            if (model.isPresent()) {
                models.add(new Discovery.ModelFile(rel, model.get()));
                return;
            }
            Optional<Discovery.Dataset> dataset = DatasetSniffer.sniff(rel, name, head, () -> BoundedFiles.tail(file, MAX_READ));
            if (dataset.isPresent()) {
                datasets.add(dataset.get());
                return;
            }
            if (EndpointSniffer.isConfigName(rel.getFileName().toString())) {
                sightings.addAll(EndpointSniffer.scan(BoundedFiles.text(head), rel));
            }
        }
    }

    /** Of two sightings of one endpoint, keep the first but fill in a key variable or model the other one knows. */
    private static Discovery.Endpoint richer(Discovery.Endpoint first, Discovery.Endpoint other) {
        return new Discovery.Endpoint(first.url(), first.provider(), first.setting(),
                first.apiKeyVariable().or(other::apiKeyVariable), first.model().or(other::model),
                first.foundIn(), first.line());
    }
}
