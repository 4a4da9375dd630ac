package dev.bulwark.supply.model;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The regular files under the paths a user named, every one of them (no extension filter: content decides). A
 * directory is walked without following symbolic links; a link inside it is taken only when it resolves to a regular
 * file inside the same tree, so a planted link cannot pull {@code /etc} or another user's files into the scan.
 */
final class ModelFiles {
    private ModelFiles() {
    }

    /** @throws NoSuchFileException when a named path does not exist */
    static List<Path> under(List<Path> roots) throws IOException {
        Set<Path> seen = new LinkedHashSet<>();
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) throw new NoSuchFileException(root.toString(), null, "no such file or directory");
            if (Files.isDirectory(root)) {
                walk(root, seen, files);
            } else if (Files.isRegularFile(root) && seen.add(root.toRealPath())) {
                files.add(root);
            }
        }
        return List.copyOf(files);
    }

    private static void walk(Path root, Set<Path> seen, List<Path> files) throws IOException {
        Path realRoot = root.toRealPath();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    if (seen.add(file.toRealPath())) files.add(file);
                } else if (attrs.isSymbolicLink()) {
                    takeLinkInsideTree(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // unreadable entries are not ours to scan; the walk goes on
            }

            private void takeLinkInsideTree(Path link) {
                try {
                    Path target = link.toRealPath();
                    if (target.startsWith(realRoot) && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                            && seen.add(target)) {
                        files.add(link);
                    }
                } catch (IOException dangling) {
                    // a dangling link holds no bytes
                }
            }
        });
    }
}
